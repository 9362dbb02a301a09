import { hr, onlyError, startTime } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

const SCHEDULE = `query ($reps: [_Any!]!, $from: Date!, $to: Date!) {
  _entities(representations: $reps) {
    ... on Employee { schedule(from: $from, to: $to) { id scheduleId start end shiftType } }
  }
}`;

describe('time: schedules', () => {
  const h = suiteHarness(startTime);
  let employeeId: string;
  beforeAll(async () => {
    employeeId = await h.hire();
  });

  const publish = (shifts: Record<string, unknown>[], extra: Record<string, unknown> = {}) =>
    h.op('PublishSchedule', { input: { employeeId, shifts, ...extra } }, hr);
  const read = async (from: string, to: string) => {
    const reply = await h.gql(SCHEDULE, {
      reps: [{ __typename: 'Employee', id: employeeId }],
      from,
      to,
    });
    expect(reply.errors).toBeUndefined();
    return reply.data!._entities[0].schedule as Record<string, string>[];
  };

  it('publishes shifts, emits time.schedule.published, and reads them back by local day', async () => {
    const reply = await publish([
      { start: '2025-07-02T08:00:00+01:00', end: '2025-07-02T16:00:00+01:00', shiftType: 'Day' },
      { start: '2025-07-01T23:30:00+01:00', end: '2025-07-02T07:00:00+01:00', shiftType: 'Night' },
    ]);
    expect(reply.errors).toBeUndefined();
    const shifts = reply.data!.publishSchedule;
    expect(shifts).toEqual([
      {
        id: expect.any(String),
        start: '2025-07-01T22:30:00.000Z',
        end: '2025-07-02T06:00:00.000Z',
        shiftType: 'Night',
      },
      {
        id: expect.any(String),
        start: '2025-07-02T07:00:00.000Z',
        end: '2025-07-02T15:00:00.000Z',
        shiftType: 'Day',
      },
    ]);
    const [event] = (await h.events()).filter((e) => e.type === 'time.schedule.published');
    expect(event.data).toMatchObject({
      employeeId,
      version: 1,
      from: '2025-07-01T22:30:00.000Z',
      to: '2025-07-02T15:00:00.000Z',
      shifts: [
        { shiftId: shifts[0].id, shiftType: 'Night' },
        { shiftId: shifts[1].id, shiftType: 'Day' },
      ],
      replacedShiftIds: [],
    });
    // 23:30 on 1 July in London is 22:30 UTC: it belongs to 1 July, not 2 July.
    expect((await read('2025-07-01', '2025-07-01')).map((s) => s.shiftType)).toEqual(['Night']);
    expect((await read('2025-07-02', '2025-07-02')).map((s) => s.shiftType)).toEqual(['Day']);
    expect(await read('2025-07-01', '2025-07-02')).toHaveLength(2);
  });

  it('replaces the overlapping published shifts on a new publication', async () => {
    const first = await publish([{ start: '2025-08-01T08:00:00Z', end: '2025-08-01T16:00:00Z' }]);
    const firstId = first.data!.publishSchedule[0].id;
    const second = await publish([
      { start: '2025-08-01T09:00:00Z', end: '2025-08-01T17:00:00Z', shiftType: 'Late' },
    ]);
    expect(second.errors).toBeUndefined();
    const day = await read('2025-08-01', '2025-08-01');
    expect(day).toEqual([expect.objectContaining({ shiftType: 'Late' })]);
    const last = (await h.events()).filter((e) => e.type === 'time.schedule.published').at(-1)!;
    expect(last.data.replacedShiftIds).toEqual([firstId]);
  });

  it('returns the first publication for a repeated idempotencyKey', async () => {
    const shifts = [{ start: '2025-09-01T08:00:00Z', end: '2025-09-01T16:00:00Z' }];
    const first = await publish(shifts, { idempotencyKey: 'roster-9' });
    const again = await publish(shifts, { idempotencyKey: 'roster-9' });
    expect(again.data!.publishSchedule).toEqual(first.data!.publishSchedule);
  });

  it.each([
    ['no shifts', [], 'shifts'],
    [
      'an end before start',
      [{ start: '2025-10-01T10:00:00Z', end: '2025-10-01T09:00:00Z' }],
      'shifts[0].end',
    ],
    [
      'a shift of more than 7 days',
      [{ start: '2025-10-01T10:00:00Z', end: '2099-01-01T10:00:00Z' }],
      'shifts[0].end',
    ],
    [
      'no offset',
      [{ start: '2025-10-01T10:00:00', end: '2025-10-01T12:00:00Z' }],
      'shifts[0].start',
    ],
    [
      'a long shift type',
      [{ start: '2025-10-01T10:00:00Z', end: '2025-10-01T12:00:00Z', shiftType: 'x'.repeat(51) }],
      'shifts[0].shiftType',
    ],
    [
      'overlapping shifts',
      [
        { start: '2025-10-01T10:00:00Z', end: '2025-10-01T12:00:00Z' },
        { start: '2025-10-01T11:00:00Z', end: '2025-10-01T13:00:00Z' },
      ],
      'shifts',
    ],
  ])('refuses %s and writes nothing', async (_name, shifts, field) => {
    const before = await h.snapshot();
    const error = onlyError(await publish(shifts));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await h.snapshot()).toEqual(before);
  });

  it('refuses an unknown employee and a bad day range', async () => {
    const unknown = await h.op(
      'PublishSchedule',
      {
        input: {
          employeeId: '0190a3c4-0000-7000-8000-00000000dead',
          shifts: [{ start: '2025-10-01T10:00:00Z', end: '2025-10-01T12:00:00Z' }],
        },
      },
      hr,
    );
    expect(onlyError(unknown).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'employeeId',
    });
    const reply = await h.gql(SCHEDULE, {
      reps: [{ __typename: 'Employee', id: employeeId }],
      from: '2025-10-02',
      to: '2025-10-01',
    });
    expect(onlyError(reply).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });
});
