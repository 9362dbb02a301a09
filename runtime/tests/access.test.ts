import { isManagerAbove, isSelf, mayReadEmployee } from '../src/access';
import type { Identity } from '../src/identity';
import { identityAs as as } from './support/identityAs';

const ANNA = '00000000-0000-4000-8000-00000000000a';
const BOSS = '00000000-0000-4000-8000-00000000000b';
const TOP = '00000000-0000-4000-8000-00000000000c';

const chain = async (id: string) => (id === ANNA ? [BOSS, TOP] : []);

describe('access rules', () => {
  it('knows the employee themself, never a partner acting for them', () => {
    expect(isSelf(as('EMPLOYEE', ANNA), ANNA)).toBe(true);
    expect(isSelf(as('EMPLOYEE', BOSS), ANNA)).toBe(false);
    expect(isSelf(as('PARTNER', ANNA), ANNA)).toBe(false);
    expect(isSelf(as('SYSTEM', null), ANNA)).toBe(false);
  });

  it('knows every manager above, direct or not, only in the MANAGER role', async () => {
    await expect(isManagerAbove(as('MANAGER', BOSS), ANNA, chain)).resolves.toBe(true);
    await expect(isManagerAbove(as('MANAGER', TOP), ANNA, chain)).resolves.toBe(true);
    await expect(isManagerAbove(as('EMPLOYEE', BOSS), ANNA, chain)).resolves.toBe(false);
    await expect(isManagerAbove(as('MANAGER', ANNA), BOSS, chain)).resolves.toBe(false);
  });

  it('lets the employee, managers above and the roles named read, ADMIN always', async () => {
    const may = (identity: Identity) => mayReadEmployee(identity, ANNA, chain, 'HR');
    await expect(may(as('EMPLOYEE', ANNA))).resolves.toBe(true);
    await expect(may(as('MANAGER', TOP))).resolves.toBe(true);
    await expect(may(as('HR', BOSS))).resolves.toBe(true);
    await expect(may(as('ADMIN', null))).resolves.toBe(true);
    await expect(may(as('FINANCE', BOSS))).resolves.toBe(false);
    await expect(may(as('PARTNER', ANNA))).resolves.toBe(false);
  });
});
