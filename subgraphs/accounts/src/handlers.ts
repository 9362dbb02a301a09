import type { EntityManager } from '@mikro-orm/core';
import { type CataloguedHandler, handleEachInBatch } from '../../../messaging';
import {
  type Cipher,
  EMPLOYEE_EVENTS,
  type EmployeeEvent,
  namedCopyKeeping,
  updateEmployeeCopy,
} from '../../../runtime';
import { AccountSchema, EmployeeCopySchema, type EmployeeCopy } from './entities';
import { MAX_EMAIL } from './inputs';
import type { AccountsDeps } from './settings';
import { accountFor, invite } from './tickets/invitations';

/** How accounts keeps its copy: name, work e-mail, manager and status. */
const keeping = namedCopyKeeping(EmployeeCopySchema);

/** A work e-mail as an account's: lower case, within the bounds sign-in reads; else none. */
function signInEmail(raw: string | null | undefined): string | undefined {
  const email = raw?.trim().toLowerCase();
  if (!email || email.length > MAX_EMAIL || !/^[^\s@<>]+@[^\s@<>]+$/.test(email)) return undefined;
  return email;
}

/**
 * HR changed a work e-mail: the person signs in with the new one from now on, unless another
 * account holds it already (then the old one stays, and the person can still sign in).
 */
async function followEmail(em: EntityManager, before: EmployeeCopy, after: EmployeeCopy) {
  const email = signInEmail(after.email);
  if (!email || email === signInEmail(before.email)) return;
  const account = await em.findOne(AccountSchema, { employeeId: after.id });
  if (!account || (await em.count(AccountSchema, { email })) > 0) return;
  account.email = email;
  await em.flush();
}

/** Applies one employees event to accounts' copy. */
export async function applyEmployeeEvent(em: EntityManager, event: EmployeeEvent) {
  return updateEmployeeCopy(em, event, keeping);
}

type Handler = CataloguedHandler<EmployeeEvent['type']>;

/**
 * Keeps the copy, and invites each person HR hires: an account for their work e-mail and an
 * invitation link (mailed when SMTP is set). Redelivery invites nobody twice: the copy ignores
 * an event it has seen, and a person with an account is not invited again here.
 */
export function createEmployeeHandler(deps: AccountsDeps, cipher: () => Cipher): Handler {
  const handle: Handler['handle'] = async (event, { em }) => {
    const change = await applyEmployeeEvent(em, event);
    if (!change) return;
    if (change.before) return followEmail(em, change.before, change.after);
    if (event.type !== 'employees.employee.created') return;
    const employee = change.after;
    const email = signInEmail(employee.email);
    if (!email) return;
    const known = await em.findOne(AccountSchema, { employeeId: employee.id });
    if (known) return;
    const account = await accountFor(em, email, deps.now(), { employeeId: employee.id });
    // An account made earlier for this e-mail (the first administrator) becomes this person's.
    if (account.employeeId && account.employeeId !== employee.id) return;
    account.employeeId = employee.id;
    if (account.passwordHash) return void (await em.flush());
    await invite(em, deps, cipher(), account, employee);
  };
  // A bulk hire commits once per batch, not once per person.
  return {
    name: 'employee_copy',
    types: EMPLOYEE_EVENTS,
    handle,
    handleBatch: handleEachInBatch(handle),
  };
}
