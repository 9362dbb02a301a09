import { createOwnWriteCheck, isSelfAsEmployee } from '../src/createOwnWriteCheck';
import { identityAs as as } from './support/identityAs';

const ANNA = '00000000-0000-4000-8000-00000000000a';
const BOSS = '00000000-0000-4000-8000-00000000000b';

describe('writes one makes for oneself', () => {
  it('knows the employee themself only with an EMPLOYEE or MANAGER token', () => {
    expect(isSelfAsEmployee(as('EMPLOYEE', ANNA), ANNA)).toBe(true);
    expect(isSelfAsEmployee(as('MANAGER', ANNA), ANNA)).toBe(true);
    expect(isSelfAsEmployee(as('EMPLOYEE', BOSS), ANNA)).toBe(false);
    for (const role of ['HR', 'FINANCE', 'AUDITOR', 'PARTNER'] as const)
      expect(isSelfAsEmployee(as(role, ANNA), ANNA)).toBe(false);
  });

  it('lets the employee and the roles named write, ADMIN always, and refuses the rest', () => {
    const check = createOwnWriteCheck(() => new Error('no'), 'SYSTEM');
    expect(() => check(as('EMPLOYEE', ANNA), ANNA)).not.toThrow();
    expect(() => check(as('SYSTEM', null), ANNA)).not.toThrow();
    expect(() => check(as('ADMIN', null), ANNA)).not.toThrow();
    expect(() => check(as('MANAGER', BOSS), ANNA)).toThrow('no');
    expect(() => check(as('HR', BOSS), ANNA)).toThrow('no');
    expect(() => check(as('FINANCE', ANNA), ANNA)).toThrow('no');
  });
});
