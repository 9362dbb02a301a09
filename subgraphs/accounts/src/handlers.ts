import type { EntityManager } from '@mikro-orm/core';
import type { BatchHandlerContext, CataloguedHandler } from '../../../messaging';
import {
  chunks,
  type Cipher,
  EMPLOYEE_EVENTS,
  type EmployeeEvent,
  type EmployeeEventData,
  loadCopies,
  namedCopyKeeping,
  updateEmployeeCopy,
} from '../../../runtime';
import { type Account, AccountSchema, EmployeeCopySchema, type EmployeeCopy } from './entities';
import { MAX_EMAIL } from './inputs';
import type { AccountsDeps } from './settings';
import { newAccount, queueInvitation } from './tickets/invitations';

/** How accounts keeps its copy: name, work e-mail, manager and status. */
const keeping = namedCopyKeeping(EmployeeCopySchema);

/** A work e-mail as an account's: lower case, within the bounds sign-in reads; else none. */
function signInEmail(raw: string | null | undefined): string | undefined {
  const email = raw?.trim().toLowerCase();
  if (!email || email.length > MAX_EMAIL || !/^[^\s@<>]+@[^\s@<>]+$/.test(email)) return undefined;
  return email;
}

/** Applies one employees event to accounts' copy. */
export async function applyEmployeeEvent(em: EntityManager, event: EmployeeEvent) {
  return updateEmployeeCopy(em, event, keeping);
}

/**
 * Where the consumer finds and changes accounts: straight in the database for one event, or
 * in what a batch read at once. Either way nothing is written before the caller flushes.
 */
interface AccountIndex {
  ofEmployee(employeeId: string): Promise<Account | null>;
  ofEmail(email: string): Promise<Account | null>;
  /** A new account of `email` for an employee. */
  add(email: string, employeeId: string): Promise<Account>;
  /** The account signs in with `email` from now on. */
  move(account: Account, email: string): Promise<void>;
  /** The account becomes the employee's. */
  own(account: Account, employeeId: string): void;
}

/** The index of one event: each question is a query. */
const databaseIndex = (em: EntityManager, deps: AccountsDeps): AccountIndex => ({
  ofEmployee: (employeeId) => em.findOne(AccountSchema, { employeeId }),
  ofEmail: (email) => em.findOne(AccountSchema, { email }),
  add: async (email, employeeId) => newAccount(em, email, deps.now(), { employeeId }),
  move: async (account, email) => void (account.email = email),
  own: (account, employeeId) => void (account.employeeId = employeeId),
});

/** The sign-in e-mails an employees event may give: on hire, or as a change. */
const emailsOf = ({ data }: { data: EmployeeEventData }) =>
  [data.email, data.changes?.email?.new].map((raw) => signInEmail(raw as string | undefined));

/**
 * The index of a batch: the accounts of the employees its events name and of the e-mails they
 * give, read at once, and kept true in memory as the batch changes them.
 */
async function batchIndex(
  em: EntityManager,
  deps: AccountsDeps,
  events: EmployeeEvent[],
): Promise<AccountIndex> {
  const ids = [...new Set(events.map((event) => event.data.employeeId))];
  const emails = [...new Set(events.flatMap(emailsOf))].filter((e): e is string => !!e);
  const found: Account[] = [];
  for (const part of chunks(ids))
    found.push(...(await em.find(AccountSchema, { employeeId: { $in: part } })));
  for (const part of chunks(emails))
    found.push(...(await em.find(AccountSchema, { email: { $in: part } })));
  const byEmployee = new Map(found.map((account) => [account.employeeId, account]));
  const byEmail = new Map(found.map((account) => [account.email, account]));
  // E-mails are unique, and a flush inserts before it updates: an e-mail an account gave up
  // in this batch is written free before another account takes it.
  const freed = new Set<string>();
  const claim = async (email: string) => {
    if (!freed.has(email)) return;
    await em.flush();
    freed.clear();
  };
  return {
    ofEmployee: async (employeeId) => byEmployee.get(employeeId) ?? null,
    ofEmail: async (email) => byEmail.get(email) ?? null,
    async add(email, employeeId) {
      await claim(email);
      const account = newAccount(em, email, deps.now(), { employeeId });
      byEmail.set(email, account);
      byEmployee.set(employeeId, account);
      return account;
    },
    async move(account, email) {
      await claim(email);
      byEmail.delete(account.email);
      freed.add(account.email);
      account.email = email;
      byEmail.set(email, account);
    },
    own(account, employeeId) {
      account.employeeId = employeeId;
      byEmployee.set(employeeId, account);
    },
  };
}

/**
 * HR changed a work e-mail: the person signs in with the new one from now on, unless another
 * account holds it already (then the old one stays, and the person can still sign in).
 */
async function followEmail(accounts: AccountIndex, before: EmployeeCopy, after: EmployeeCopy) {
  const email = signInEmail(after.email);
  if (!email || email === signInEmail(before.email)) return;
  const account = await accounts.ofEmployee(after.id);
  if (!account || (await accounts.ofEmail(email))) return;
  await accounts.move(account, email);
}

/** What the consumer needs besides the transaction: the settings, and the key of the links. */
interface Inviting {
  deps: AccountsDeps;
  cipher: () => Cipher;
}

/** A hire gets an account for their work e-mail, and an invitation when it has no password. */
async function welcome(
  em: EntityManager,
  accounts: AccountIndex,
  employee: EmployeeCopy,
  how: Inviting,
) {
  const email = signInEmail(employee.email);
  if (!email || (await accounts.ofEmployee(employee.id))) return;
  const known = await accounts.ofEmail(email);
  const account = known ?? (await accounts.add(email, employee.id));
  // An account made earlier for this e-mail (the first administrator) becomes this person's.
  if (account.employeeId && account.employeeId !== employee.id) return;
  accounts.own(account, employee.id);
  if (account.passwordHash) return;
  await queueInvitation(em, how.deps, how.cipher(), account, employee, { fresh: !known });
}

/** What one employees event asks of accounts, once the copy has taken it (`change`). */
async function followEvent(
  em: EntityManager,
  accounts: AccountIndex,
  event: EmployeeEvent,
  change: { before: EmployeeCopy | null; after: EmployeeCopy },
  how: Inviting,
) {
  if (change.before) return followEmail(accounts, change.before, change.after);
  if (event.type === 'employees.employee.created') await welcome(em, accounts, change.after, how);
}

type Handler = CataloguedHandler<EmployeeEvent['type']>;

/**
 * The batch path, for a backlog (a bulk hire): `handle`'s effect event by event, with one read
 * of the copies, one of the accounts, and one flush.
 */
async function followInBatch(
  how: Inviting,
  events: EmployeeEvent[],
  { em }: BatchHandlerContext<unknown>,
): Promise<void> {
  const copies = await loadCopies(
    em,
    keeping,
    events.map((event) => event.data.employeeId),
  );
  const accounts = await batchIndex(em, how.deps, events);
  for (const event of events) {
    const change = await copies.apply(event);
    if (change) await followEvent(em, accounts, event, change, how);
  }
  await em.flush();
}

/**
 * Keeps the copy, and invites each person HR hires: an account for their work e-mail and an
 * invitation link (mailed when SMTP is set). Redelivery invites nobody twice: the copy ignores
 * an event it has seen, and a person with an account is not invited again here.
 */
export function createEmployeeHandler(deps: AccountsDeps, cipher: () => Cipher): Handler {
  const how = { deps, cipher };
  const handle: Handler['handle'] = async (event, { em }) => {
    const change = await applyEmployeeEvent(em, event);
    if (!change) return;
    await followEvent(em, databaseIndex(em, deps), event, change, how);
    await em.flush();
  };
  return {
    name: 'employee_copy',
    types: EMPLOYEE_EVENTS,
    handle,
    // A bulk hire is read and written once per batch, not once per person.
    handleBatch: (events, ctx) => followInBatch(how, events, ctx),
  };
}
