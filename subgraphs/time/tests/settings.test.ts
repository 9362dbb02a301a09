import { createTime } from '../src';
import { DEFAULT_SETTINGS, readSettings } from '../src/settings';
import { expectStartRefused } from '../../../test-support/expectStartRefused';

describe('time: the working-time rules’ settings', () => {
  it('has documented defaults and reads each variable', () => {
    expect(readSettings({})).toEqual({
      futureStartDays: 0,
      maxEntryMinutes: 1440,
      dailyOvertimeCapMinutes: 240,
      minimumBreakAfterMinutes: 360,
      minimumBreakMinutes: 30,
    });
    expect(
      readSettings({
        TIME_FUTURE_START_DAYS: '7',
        TIME_MAX_ENTRY_MINUTES: '780',
        TIME_DAILY_OVERTIME_CAP_MINUTES: '120',
        TIME_MINIMUM_BREAK_AFTER_MINUTES: '540',
        TIME_MINIMUM_BREAK_MINUTES: '45',
      }),
    ).toEqual({
      futureStartDays: 7,
      maxEntryMinutes: 780,
      dailyOvertimeCapMinutes: 120,
      minimumBreakAfterMinutes: 540,
      minimumBreakMinutes: 45,
    });
  });

  it.each([
    ['TIME_FUTURE_START_DAYS', '-1'],
    ['TIME_FUTURE_START_DAYS', 'tomorrow'],
    ['TIME_MAX_ENTRY_MINUTES', '0'],
    ['TIME_MAX_ENTRY_MINUTES', '24h'],
    ['TIME_DAILY_OVERTIME_CAP_MINUTES', '1441'],
    ['TIME_MINIMUM_BREAK_AFTER_MINUTES', '6.5'],
    ['TIME_MINIMUM_BREAK_MINUTES', '241'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => readSettings({ [name]: value })).toThrow(new RegExp(`${name} .*"${value}"`));
  });

  it('refuses to start with a bad setting, before any request needs it', async () => {
    await expectStartRefused(() => createTime(), 'TIME_MAX_ENTRY_MINUTES', 'a day');
    expect(DEFAULT_SETTINGS.maxEntryMinutes).toBe(1440);
  });
});
