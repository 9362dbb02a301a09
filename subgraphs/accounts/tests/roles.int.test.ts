import { v7 as uuidv7 } from 'uuid';
import { PASSWORD, startAccounts } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';
import { terminatedData } from '../../../test-support/employeeEvents';

const SET_ROLE = `mutation ($id: ID!, $role: AccountRole) {
  setAccountRole(employeeId: $id, role: $role) { email role explicitRole }
}`;

describe('the role an account signs in with', () => {
  const h = suiteHarness(startAccounts);

  const roleAt = async (email: string) => {
    const reply = await h.call('/auth/login', { body: { email, password: PASSWORD } });
    expect(reply.status).toBe(200);
    return reply.body.user.role as string;
  };

  it('is MANAGER while someone reports to the person, EMPLOYEE otherwise', async () => {
    const boss = await h.hire({ email: 'boss@example.org' });
    await h.account({ email: 'boss@example.org', employeeId: boss });
    expect(await roleAt('boss@example.org')).toBe('EMPLOYEE');
    const report = await h.hire({ email: 'report@example.org', managerId: boss });
    expect(await roleAt('boss@example.org')).toBe('MANAGER');
    await h.send('employees.employee.terminated', terminatedData(report, 2, '2026-12-01'));
    expect(await roleAt('boss@example.org')).toBe('EMPLOYEE');
  });

  it('is the role HR or ADMIN gave, at the next refresh; only an ADMIN gives ADMIN', async () => {
    const id = await h.hire({ email: 'fin@example.org' });
    await h.account({ email: 'fin@example.org', employeeId: id });
    const session = await h.call('/auth/login', {
      body: { email: 'fin@example.org', password: PASSWORD },
    });
    const given = await h.gql(SET_ROLE, { id, role: 'FINANCE' });
    expect(given.data?.setAccountRole).toEqual({
      email: 'fin@example.org',
      role: 'FINANCE',
      explicitRole: 'FINANCE',
    });
    const refreshed = await h.call('/auth/refresh', { cookie: session.cookie });
    expect(refreshed.body.user.role).toBe('FINANCE');

    const byHr = await h.gql(SET_ROLE, { id, role: 'ADMIN' });
    expect(byHr.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const byAdmin = await h.gql(SET_ROLE, { id, role: 'ADMIN' }, { role: 'ADMIN', sub: uuidv7() });
    expect(byAdmin.data?.setAccountRole.role).toBe('ADMIN');
    const back = await h.gql(SET_ROLE, { id, role: null }, { role: 'ADMIN', sub: uuidv7() });
    expect(back.data?.setAccountRole).toMatchObject({ role: 'EMPLOYEE', explicitRole: null });
    const changes = (await h.events('accounts.account.role_changed')).map((e) => e.data.to);
    expect(changes).toEqual(['FINANCE', 'ADMIN', null]);
  });

  it('refuses a terminated person at sign-in and at refresh', async () => {
    const id = await h.hire({ email: 'gone@example.org' });
    await h.account({ email: 'gone@example.org', employeeId: id });
    const session = await h.call('/auth/login', {
      body: { email: 'gone@example.org', password: PASSWORD },
    });
    await h.send('employees.employee.terminated', terminatedData(id, 2, '2026-12-01'));
    expect((await h.call('/auth/refresh', { cookie: session.cookie })).status).toBe(401);
    const login = await h.call('/auth/login', {
      body: { email: 'gone@example.org', password: PASSWORD },
    });
    expect(login.status).toBe(401);
  });

  it('follows a work e-mail HR changes: the person signs in with the new one', async () => {
    const id = await h.hire({ email: 'old@example.org' });
    await h.account({ email: 'old@example.org', employeeId: id });
    await h.send('employees.employee.updated', {
      employeeId: id,
      employeeNumber: 'E2',
      version: 2,
      changes: { email: { old: 'old@example.org', new: 'New@Example.org' } },
    });
    const login = (email: string) => h.call('/auth/login', { body: { email, password: PASSWORD } });
    expect((await login('new@example.org')).status).toBe(200);
    expect((await login('old@example.org')).status).toBe(401);
  });
});
