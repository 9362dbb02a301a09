import {
  addDays,
  daysBetween,
  isIsoDate,
  isPublicHoliday,
  isTimeZone,
  isWeekendDate,
  localDate,
  nightMinutes,
  readDateTime,
  requireDateTime,
  splitByLocalDay,
} from '../src/calendar';

const zone = 'Europe/London';
const minutesOf = (s: { from: number; to: number }) => (s.to - s.from) / 60000;

describe('calendar', () => {
  it('knows the holidays of each UK nation', () => {
    expect(isPublicHoliday('ENGLAND_AND_WALES', '2025-12-25')).toBe(true);
    expect(isPublicHoliday('ENGLAND_AND_WALES', '2026-01-02')).toBe(false);
    expect(isPublicHoliday('SCOTLAND', '2026-01-02')).toBe(true);
    expect(isPublicHoliday('NORTHERN_IRELAND', '2026-03-17')).toBe(true);
    expect(isPublicHoliday('ENGLAND_AND_WALES', '2026-03-17')).toBe(false);
  });

  it('takes an ISO country code as a location', () => {
    expect(isPublicHoliday('DE', '2026-10-03')).toBe(true);
  });

  it('cuts an overnight interval at local midnight', () => {
    const slices = splitByLocalDay(
      new Date('2025-06-02T18:00:00Z'), // 19:00 BST
      new Date('2025-06-03T05:00:00Z'), // 06:00 BST
      zone,
    );
    expect(slices.map((s) => [s.date, minutesOf(s)])).toEqual([
      ['2025-06-02', 300],
      ['2025-06-03', 360],
    ]);
  });

  it('counts the real minutes of the spring-forward and fall-back nights', () => {
    const spring = splitByLocalDay(
      new Date('2025-03-29T22:00:00Z'),
      new Date('2025-03-30T06:00:00Z'),
      zone,
    );
    expect(spring.reduce((sum, s) => sum + minutesOf(s), 0)).toBe(8 * 60);
    expect(spring.map((s) => s.date)).toEqual(['2025-03-29', '2025-03-30']);
    const fall = splitByLocalDay(
      new Date('2025-10-25T22:00:00Z'),
      new Date('2025-10-26T06:00:00Z'),
      zone,
    );
    expect(fall.reduce((sum, s) => sum + minutesOf(s), 0)).toBe(8 * 60);
  });

  it('counts night minutes from 23:00 to 06:00 local time', () => {
    const [slice] = splitByLocalDay(
      new Date('2025-06-02T13:00:00Z'), // 14:00 BST
      new Date('2025-06-02T22:30:00Z'), // 23:30 BST
      zone,
    );
    expect(nightMinutes(slice!, zone)).toBe(30);
  });

  it('answers the small date questions', () => {
    expect(isWeekendDate('2025-06-07')).toBe(true);
    expect(isWeekendDate('2025-06-09')).toBe(false);
    expect(localDate(new Date('2025-06-02T23:30:00Z'), zone)).toBe('2025-06-03');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(daysBetween('2025-01-01', '2025-03-01')).toBe(59);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });

  it('reads an RFC 3339 date-time with an offset, and nothing else', () => {
    expect(readDateTime('2025-04-01T09:00:00+01:00')).toEqual(new Date('2025-04-01T08:00:00Z'));
    expect(readDateTime('2024-02-29t23:59:59.123456789z')).toEqual(
      new Date('2024-02-29T23:59:59.123Z'),
    );
    for (const bad of [
      undefined,
      1743494400000,
      '2025-04-01T09:00:00',
      '2025-04-01 09:00:00Z',
      '2025-04-01T09:00Z',
      '2025-02-29T09:00:00Z',
      '1899-12-31T23:00:00Z',
      '2025-04-01T24:00:00Z',
      '2025-04-01T09:60:00Z',
      '2025-04-01T09:00:60Z',
      '2025-04-01T09:00:00+24:00',
      '2025-04-01T09:00:00+01:60',
    ])
      expect(readDateTime(bad)).toBeUndefined();
  });

  it("refuses what is not one with BAD_USER_INPUT naming the field, or with the domain's own error", () => {
    expect(requireDateTime('2025-04-01T09:00:00Z', 'at')).toEqual(new Date('2025-04-01T09:00:00Z'));
    expect(() => requireDateTime('2025-04-01 09:00:00Z', 'input.at')).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        field: 'input.at',
        message: expect.stringMatching(/^input\.at must be an RFC 3339 date-time with an offset/),
      }),
    );
    const refuse = (field: string, message: string) => new RangeError(`${field}: ${message}`);
    expect(() => requireDateTime('yesterday', 'from', refuse)).toThrow(RangeError);
  });
});
