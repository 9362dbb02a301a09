import { v7 as uuidv7 } from 'uuid';
import { startNotifications } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

const STATUS_CHANGED = 'accruals.balance_status.changed';

const BANDS: Record<string, string | null> = {
  ON_TRACK: null,
  BEHIND_5_15: '5-15',
  BEHIND_15_25: '15-25',
  BEHIND_25_PLUS: '25+',
  AHEAD_5_15: '5-15',
  AHEAD_15_25: '15-25',
  AHEAD_25_PLUS: '25+',
};

/** A status change of annual target hours, worked against 1,245 hours expected. */
function statusChange(
  employeeId: string,
  status: string,
  previousStatus: string,
  worked: number,
  extra: Record<string, unknown> = {},
) {
  return {
    employeeId,
    agreementId: uuidv7(),
    accrualType: 'ANNUAL_TARGET_HOURS',
    measurementUnit: 'HOURS',
    date: '2026-12-02',
    status,
    band: BANDS[status],
    previousStatus,
    previousBand: BANDS[previousStatus],
    worked,
    expectedToDate: 1245,
    target: 1950,
    deviationPercent: Math.round(((worked - 1245) / 1245) * 1000) / 10,
    version: 2,
    ...extra,
  };
}

describe('notifications: balance off track', () => {
  const h = suiteHarness(startNotifications);
  let manager: string;
  let employee: string;

  beforeAll(async () => {
    manager = await h.hire({ firstName: 'Mona', lastName: 'Gerr' });
    employee = await h.hire({ firstName: 'Eve', lastName: 'Worker', managerId: manager });
  });

  const offTrack = async (recipientId: string) =>
    (await h.notificationsOf(recipientId)).filter((n) => n.type === 'BALANCE_OFF_TRACK');

  it('tells the employee and their manager when the balance is 15-25 % behind', async () => {
    await h.send(STATUS_CHANGED, statusChange(employee, 'BEHIND_15_25', 'BEHIND_5_15', 1020));
    expect(await offTrack(employee)).toEqual([
      expect.objectContaining({
        title: 'Your annual target hours are off track',
        body: 'Your annual target hours are 18.1 % behind where they should be by 2026-12-02 (1,020 of 1,245 h expected).',
        status: 'UNREAD',
      }),
    ]);
    expect(await offTrack(manager)).toEqual([
      expect.objectContaining({
        title: "Eve Worker's annual target hours are off track",
        body: "Eve Worker's annual target hours are 18.1 % behind where they should be by 2026-12-02 (1,020 of 1,245 h expected).",
      }),
    ]);
  });

  it('tells both again when it moves on to 25+ %, ahead as well as behind', async () => {
    await h.send(STATUS_CHANGED, statusChange(employee, 'BEHIND_25_PLUS', 'BEHIND_15_25', 800));
    await h.send(STATUS_CHANGED, statusChange(employee, 'AHEAD_25_PLUS', 'AHEAD_5_15', 1600));
    const bodies = (await offTrack(employee)).map((n) => n.body);
    expect(bodies.slice(1)).toEqual([
      'Your annual target hours are 35.7 % behind where they should be by 2026-12-02 (800 of 1,245 h expected).',
      'Your annual target hours are 28.5 % ahead of where they should be by 2026-12-02 (1,600 of 1,245 h expected).',
    ]);
    expect(await offTrack(manager)).toHaveLength(3);
  });

  it('tells nobody of a move within 15 %, or back on track', async () => {
    const before = (await h.all()).length;
    await h.send(STATUS_CHANGED, statusChange(employee, 'BEHIND_5_15', 'ON_TRACK', 1100));
    await h.send(STATUS_CHANGED, statusChange(employee, 'AHEAD_5_15', 'AHEAD_15_25', 1400));
    await h.send(STATUS_CHANGED, statusChange(employee, 'ON_TRACK', 'BEHIND_25_PLUS', 1245));
    expect(await h.all()).toHaveLength(before);
  });

  it('stores one notification each when the same event arrives twice', async () => {
    const before = (await h.all()).length;
    const event = await h.send(
      STATUS_CHANGED,
      statusChange(employee, 'BEHIND_15_25', 'BEHIND_25_PLUS', 1000),
    );
    await h.feed(event);
    expect(await h.all()).toHaveLength(before + 2);
  });

  it('counts the ON_CALL types, and tells only the employee when they have no manager', async () => {
    const loner = await h.hire({ firstName: 'Sol', lastName: 'O', managerId: null });
    const before = (await h.all()).length;
    await h.send(
      STATUS_CHANGED,
      statusChange(loner, 'BEHIND_25_PLUS', 'ON_TRACK', 1, {
        accrualType: 'ON_CALL_WEEKEND',
        measurementUnit: 'COUNT',
        expectedToDate: 2.5,
        target: 10,
        deviationPercent: -60,
      }),
    );
    const rows = await h.all();
    expect(rows).toHaveLength(before + 1);
    expect(await offTrack(loner)).toEqual([
      expect.objectContaining({
        body: 'Your weekend on-call periods are 60 % behind where they should be by 2026-12-02 (1 of 2.5 expected).',
      }),
    ]);
  });
});
