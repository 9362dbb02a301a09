import { DEFAULT_WORKING_TIME_RULES, type WorkingTimeRules } from '../../../runtime';
import { hr, onlyError, startTime, type Caller, type TimeHarness } from './support';

const POLICY = { kind: 'WORKING_TIME', key: 'DEFAULT' };
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

/** A new WORKING_TIME version as compliance's event carries it. */
const workingTime = (version: number, effectiveFrom: Date, rules: Partial<WorkingTimeRules>) => ({
  ...POLICY,
  version,
  effectiveFrom: effectiveFrom.toISOString(),
  rules: { ...DEFAULT_WORKING_TIME_RULES, ...rules },
  previous: DEFAULT_WORKING_TIME_RULES,
  reason: 'Shorter shifts after the safety review',
});

/** A shift of `hours` on a past day (one day per case, so entries never overlap). */
const shift = (day: string, hours: number) => ({
  periodType: 'SHIFT',
  startTime: `${day}T06:00:00Z`,
  endTime: new Date(Date.parse(`${day}T06:00:00Z`) + hours * 3_600_000).toISOString(),
  mealBreakMinutes: 45,
});

describe('time: entries are judged by the WORKING_TIME version in force when written', () => {
  let h: TimeHarness;

  beforeEach(async () => {
    h = await startTime();
  });
  afterEach(() => h.stop());

  const record = (employeeId: string, input: Record<string, unknown>, caller: Caller = hr) =>
    h.op('RecordTimeEntry', { input: { employeeId, ...input } }, caller);

  /** The policy version the entry's recorded or amended event names. */
  const judgedBy = async (entryId: string, type = 'time.entry.recorded') => {
    const event = (await h.events()).find((e) => e.type === type && e.data.entryId === entryId);
    return event?.data.policyVersion;
  };

  it('keeps an entry written under v1 and judges the next one by v2, naming it', async () => {
    const id = await h.hire();
    const before = await record(id, shift('2025-03-03', 11));
    expect(before.errors).toBeUndefined();
    expect(await judgedBy(before.data!.recordTimeEntry.id)).toBe(1);

    await h.policyEvent(workingTime(2, minutesAgo(1), { maxEntryMinutes: 10 * 60 }));

    const snapshot = await h.snapshot();
    const refused = onlyError(await record(id, shift('2025-03-04', 11)));
    expect(refused.extensions).toMatchObject({
      code: 'POLICY_VIOLATION',
      rule: 'MAX_ENTRY_LENGTH',
      limit: 600,
      policy: { ...POLICY, version: 2 },
    });
    expect(refused.message).toMatch(/\(WORKING_TIME v2\)$/);
    expect(await h.snapshot()).toEqual(snapshot);

    const after = await record(id, shift('2025-03-04', 9));
    expect(after.errors).toBeUndefined();
    expect(await judgedBy(after.data!.recordTimeEntry.id)).toBe(2);
    // The entry written under v1 stays as it was.
    const card = await h.timecard(id, '2025-03-03T00:00:00Z', '2025-03-04T00:00:00Z');
    expect(card.data!._entities[0].timeEntries).toHaveLength(1);
  });

  it('judges an amend by the version in force at the amend', async () => {
    const id = await h.hire();
    const recorded = (await record(id, shift('2025-03-05', 8))).data!.recordTimeEntry;
    await h.policyEvent(workingTime(2, minutesAgo(1), { maxEntryMinutes: 8 * 60 }));
    const input = { id: recorded.id, expectedVersion: 1, endTime: '2025-03-05T14:30:00Z' };
    const refused = onlyError(await h.op('AmendTimeEntry', { input }, hr));
    expect(refused.extensions).toMatchObject({
      rule: 'MAX_ENTRY_LENGTH',
      policy: { ...POLICY, version: 2 },
    });
    const shorter = { ...input, endTime: '2025-03-05T13:30:00Z' };
    expect((await h.op('AmendTimeEntry', { input: shorter }, hr)).errors).toBeUndefined();
    expect(await judgedBy(recorded.id, 'time.entry.amended')).toBe(2);
  });

  it('names version 1, the TIME_* settings, when compliance has changed nothing', async () => {
    await h.stop();
    h = await startTime({ settings: { maxEntryMinutes: 5 * 60 } });
    const id = await h.hire();
    const refused = onlyError(await record(id, shift('2025-03-06', 6)));
    expect(refused.extensions).toMatchObject({
      rule: 'MAX_ENTRY_LENGTH',
      limit: 300,
      policy: { ...POLICY, version: 1 },
    });
    expect(refused.message).toMatch(/\(WORKING_TIME v1\)$/);
  });

  it('does not apply a version before the instant it takes effect', async () => {
    const id = await h.hire();
    const tomorrow = new Date(Date.now() + 24 * 3_600_000);
    await h.policyEvent(workingTime(2, tomorrow, { maxEntryMinutes: 60 }));
    const reply = await record(id, shift('2025-03-07', 8));
    expect(reply.errors).toBeUndefined();
    expect(await judgedBy(reply.data!.recordTimeEntry.id)).toBe(1);
  });

  it('changes nothing when the same version arrives twice', async () => {
    const id = await h.hire();
    const v2 = workingTime(2, minutesAgo(1), { maxEntryMinutes: 10 * 60 });
    await h.policyEvent(v2);
    const once = await h.snapshot();
    // A redelivery, even one that somehow differs, leaves version 2 as first stored.
    await h.policyEvent({ ...v2, rules: { ...v2.rules, maxEntryMinutes: 60 } });
    expect(await h.snapshot()).toEqual(once);
    const reply = await record(id, shift('2025-03-10', 9));
    expect(reply.errors).toBeUndefined();
  });

  it('ignores versions of the policies it does not decide with', async () => {
    const before = await h.snapshot();
    await h.policyEvent({
      kind: 'ATTENDANCE',
      key: 'DEFAULT',
      version: 2,
      effectiveFrom: minutesAgo(1).toISOString(),
      rules: {},
      previous: {},
      reason: null,
    });
    expect(await h.snapshot()).toEqual(before);
  });
});
