import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import type { NatsConnection } from '@nats-io/nats-core';
import { closeNats, connectNats, type Namespace } from '../../messaging';
import { createTestNamespace } from '../../messaging/testing';
import { TEST_NATS_URL } from '../../test-support/createTestPlatform';
import { ormPerTest } from '../../test-support/ormPerTest';
import {
  EMPLOYEE_QUESTION,
  copyKnowing,
  employeeCopySchema,
  knowEmployee,
  knowEmployeeByNumber,
  lockableCopyKeeping,
  updateEmployeeCopy,
  type PlacedEmployeeCopy,
} from '../src/employeeCopy';
import { DomainError } from '../src/errors';
import { createOwnerAsker, ownerSubject, type AskOwner } from '../src/ownerRequests';

const CopySchema = employeeCopySchema<PlacedEmployeeCopy>('KnownPerson', 'known_people', [
  'location',
  'timeZone',
  'hireDate',
  'terminationDate',
]);
const keeping = lockableCopyKeeping(CopySchema);
const knowing = copyKnowing(keeping);

/** What employees answers about someone it has, at `version`. */
const record = (employeeId: string, version: number) => ({
  employeeId,
  employeeNumber: 'N1',
  version,
  firstName: 'Ada',
  lastName: 'Byron',
  email: 'ada@example.com',
  department: 'Theatres',
  jobTitle: 'Nurse',
  grade: 'BAND_5',
  employmentType: 'FULL_TIME',
  status: 'ON_LEAVE',
  hireDate: '2024-02-01',
  managerId: null,
  location: 'SCOTLAND',
  timeZone: 'Europe/London',
  terminationDate: null,
});

describe('knowing an employee the copy has not heard of yet', () => {
  const test = ormPerTest('copies', [CopySchema]);
  let nc: NatsConnection;
  let ns: Namespace;
  /** Employees on this namespace: the people it has, and how many questions it got. */
  let people: Map<string, ReturnType<typeof record>>;
  let asked: number;
  const em = () => test.orm.em.fork() as EntityManager;
  const copyOf = (id: string) => em().findOne(CopySchema, id);

  const answerAs = (
    answer: (question: { employeeId: string; employeeNumber?: string }) => unknown,
  ) =>
    nc.subscribe(ownerSubject(ns, EMPLOYEE_QUESTION), {
      queue: 'employees',
      callback: (_error, msg) => {
        asked += 1;
        msg.respond(JSON.stringify(answer(msg.json())));
      },
    });

  beforeEach(async () => {
    nc = (await connectNats({ servers: TEST_NATS_URL, name: 'know-employee-test' })).nc;
    ns = createTestNamespace();
    people = new Map();
    asked = 0;
  });
  afterEach(() => closeNats(nc));

  const know = (askOwner: AskOwner, id: string) =>
    knowEmployee({ em: em(), askOwner }, id, knowing);
  const errorOf = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => error as DomainError,
    );

  it('keeps what employees says, and an older or equal event does not roll it back', async () => {
    const id = randomUUID();
    people.set(id, record(id, 3));
    answerAs(({ employeeId }) => ({ employee: people.get(employeeId) ?? null }));
    expect(await know(createOwnerAsker(nc, ns), id)).toBe(true);
    // What employees answered: neither an older nor an equal version may replace it.
    const answered = { status: 'ON_LEAVE', location: 'SCOTLAND', version: 3 };
    expect(await copyOf(id)).toMatchObject(answered);

    const created = {
      type: 'employees.employee.created',
      data: { ...record(id, 1), status: 'ACTIVE' as const, location: 'ENGLAND_AND_WALES' },
    };
    expect(await updateEmployeeCopy(em(), created, keeping)).toBeNull();
    const sameVersion = {
      type: 'employees.employee.status_changed',
      data: { employeeId: id, employeeNumber: 'E1', version: 3, to: 'ACTIVE' as const },
    };
    expect(await updateEmployeeCopy(em(), sameVersion, keeping)).toBeNull();
    expect(await copyOf(id)).toMatchObject(answered);

    const newer = {
      type: 'employees.employee.status_changed',
      data: { employeeId: id, employeeNumber: 'E1', version: 4, to: 'ACTIVE' as const },
    };
    await updateEmployeeCopy(em(), newer, keeping);
    expect(await copyOf(id)).toMatchObject({ status: 'ACTIVE', location: 'SCOTLAND', version: 4 });
  });

  it('asks once for a burst of writes about the same new person', async () => {
    const id = randomUUID();
    people.set(id, record(id, 1));
    answerAs(({ employeeId }) => ({ employee: people.get(employeeId) ?? null }));
    const askOwner = createOwnerAsker(nc, ns);
    const known = await Promise.all(Array.from({ length: 20 }, () => know(askOwner, id)));
    expect(known).toEqual(Array(20).fill(true));
    expect(asked).toBe(1);
    expect(await em().count(CopySchema, { id })).toBe(1);
    // Known now: a later write asks nobody.
    expect(await know(askOwner, id)).toBe(true);
    expect(asked).toBe(1);
  });

  it('asks once when a look at the copy began before the answer was kept and ends after', async () => {
    const id = randomUUID();
    people.set(id, record(id, 1));
    answerAs(({ employeeId }) => ({ employee: people.get(employeeId) ?? null }));
    const askOwner = createOwnerAsker(nc, ns);
    // The second look reads the copy at once but hears back only once the first
    // writer's answer is kept: a read taken before that commit, as on a busy pool.
    let kept!: () => void;
    const answerKept = new Promise<void>((resolve) => (kept = resolve));
    let looks = 0;
    const slowLooking: typeof knowing = {
      has: async (tx, employeeId) => {
        const held = await knowing.has(tx, employeeId);
        if ((looks += 1) > 1) await answerKept;
        return held;
      },
      apply: async (tx, event) => {
        const applied = await knowing.apply(tx, event);
        setImmediate(kept);
        return applied;
      },
    };
    const knowSlowly = () => knowEmployee({ em: em(), askOwner }, id, slowLooking);
    const first = knowSlowly();
    const second = knowSlowly();
    expect(await Promise.all([first, second])).toEqual([true, true]);
    expect(asked).toBe(1);
  });

  it('says no for someone employees does not have, and keeps nothing', async () => {
    answerAs(() => ({ employee: null }));
    const id = randomUUID();
    expect(await know(createOwnerAsker(nc, ns), id)).toBe(false);
    expect(await copyOf(id)).toBeNull();
  });

  it('is UNAVAILABLE, saying to retry, when employees does not answer, then pauses asking', async () => {
    const askOwner = createOwnerAsker(nc, ns, {
      breakerThreshold: 3,
      retries: 2,
      halfOpenAfterMs: 60_000,
    });
    const first = await errorOf(know(askOwner, randomUUID()));
    expect(first).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/Retry/) });
    // Three failed attempts opened the breaker: now it refuses without asking.
    answerAs(() => ({ employee: null }));
    const second = await errorOf(know(askOwner, randomUUID()));
    expect(second).toMatchObject({ code: 'UNAVAILABLE' });
    expect((second?.cause as Error).message).toMatch(/paused/);
    expect(asked).toBe(0);
  });

  it('takes an answer that carries more than the event would as no answer', async () => {
    const id = randomUUID();
    answerAs(() => ({ employee: { ...record(id, 1), salary: 3_500_000 } }));
    const error = await errorOf(know(createOwnerAsker(nc, ns, { retries: 0 }), id));
    expect(error).toMatchObject({ code: 'UNAVAILABLE' });
    expect(await copyOf(id)).toBeNull();
  });

  it('by number: keeps whoever holds the number now, and takes an answer about another as none', async () => {
    const id = randomUUID();
    const holder = { ...record(id, 2), employeeNumber: 'N7' };
    // N7 is the holder's; about N9 it answers with N7's holder, who is not the one asked about.
    const answers: Record<string, typeof holder | null> = { N7: holder, N9: holder };
    answerAs((question) => ({ employee: answers[question.employeeNumber ?? ''] ?? null }));
    const askOwner = createOwnerAsker(nc, ns, { retries: 0 });
    const byNumber = (number: string) =>
      knowEmployeeByNumber({ em: em(), askOwner }, number, knowing);
    expect(await byNumber('N7')).toBe(true);
    expect(await copyOf(id)).toMatchObject({ id, version: 2 });
    expect(await byNumber('N8')).toBe(false);
    expect(await errorOf(byNumber('N9'))).toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/Employee number N9/),
    });
  });
});
