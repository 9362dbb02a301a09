import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  addDays,
  addMonths,
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
  type DaySlice,
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
    // The window of dates taken from outside: 1900 to 2199.
    for (const inside of ['1900-01-01', '2199-12-31']) expect(isIsoDate(inside)).toBe(true);
    for (const outside of ['0000-01-01', '0001-03-01', '1899-12-31', '2200-01-01', '9999-12-31'])
      expect(isIsoDate(outside)).toBe(false);
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
      '2200-01-01T00:00:00Z',
      '9999-01-01T00:00:00Z',
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

  // addDays and daysBetween do plain UTC arithmetic on YYYY-MM-DD; Luxon is the reference.
  describe('day arithmetic, as Luxon does it', () => {
    const luxonAdd = (date: string, days: number) =>
      DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate()!;
    const luxonBetween = (a: string, b: string) =>
      Math.round(
        DateTime.fromISO(b, { zone: 'utc' }).diff(DateTime.fromISO(a, { zone: 'utc' }), 'days')
          .days,
      );
    const isoDate = fc
      .date({
        min: new Date('0001-01-01T00:00:00Z'),
        max: new Date('9999-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));

    it('adds days across months, leap years, centuries and the ends of the four-digit years', () => {
      fc.assert(
        fc.property(isoDate, fc.integer({ min: -4_000_000, max: 4_000_000 }), (date, days) => {
          expect(addDays(date, days)).toBe(luxonAdd(date, days));
        }),
        { numRuns: 2000 },
      );
      expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
      expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
      expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
      expect(addDays('9999-12-31', 1)).toBe(luxonAdd('9999-12-31', 1));
    });

    it("adds months and years, a day past the month's end becoming its last day", () => {
      const luxonPlus = (date: string, plus: { months: number } | { years: number }) =>
        DateTime.fromISO(date, { zone: 'utc' }).plus(plus).toISODate()!;
      fc.assert(
        fc.property(isoDate, fc.integer({ min: -130_000, max: 130_000 }), (date, months) => {
          expect(addMonths(date, months)).toBe(luxonPlus(date, { months }));
          const years = Math.trunc(months / 12);
          expect(addMonths(date, years * 12)).toBe(luxonPlus(date, { years }));
        }),
        { numRuns: 2000 },
      );
      expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
      expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
      expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
      expect(addMonths('2000-02-29', -1200)).toBe('1900-02-28');
    });

    it('counts the days between two dates', () => {
      fc.assert(
        fc.property(isoDate, isoDate, (a, b) => expect(daysBetween(a, b)).toBe(luxonBetween(a, b))),
        { numRuns: 2000 },
      );
    });

    it.each(['2025-02-30', '2025-13-01', '2025-1-01', '', '2025-06-01T10:00:00Z', '20250601'])(
      'answers %j as Luxon does',
      (odd) => {
        expect(addDays(odd, 1)).toBe(luxonAdd(odd, 1));
        expect(daysBetween('2025-01-01', odd)).toBe(luxonBetween('2025-01-01', odd));
        expect(addDays('2025-01-01', 0.5)).toBe(luxonAdd('2025-01-01', 0.5));
        expect(addMonths(odd, 1)).toBe(
          DateTime.fromISO(odd, { zone: 'utc' }).plus({ months: 1 }).toISODate(),
        );
      },
    );
  });

  describe('local days, as Luxon cuts them', () => {
    /** splitByLocalDay and nightMinutes as they were written on Luxon alone. */
    function luxonSplit(start: Date, end: Date, zone: string) {
      const slices = [];
      let cursor = DateTime.fromJSDate(start, { zone });
      while (cursor.toMillis() < end.getTime()) {
        const dayStart = cursor.startOf('day');
        const nextDay = dayStart.plus({ days: 1 }).startOf('day');
        slices.push({
          date: dayStart.toISODate()!,
          from: cursor.toMillis(),
          to: Math.min(end.getTime(), nextDay.toMillis()),
          dayStart: dayStart.toMillis(),
          dayEnd: nextDay.toMillis(),
        });
        cursor = nextDay;
      }
      return slices;
    }
    const luxonNight = (
      slice: { from: number; to: number; dayStart: number; dayEnd: number },
      zone: string,
    ) => {
      const day = DateTime.fromMillis(slice.dayStart, { zone });
      const overlap = (c: number, d: number) =>
        Math.max(0, Math.min(slice.to, d) - Math.max(slice.from, c)) / 60000;
      return (
        overlap(slice.dayStart, day.set({ hour: 6 }).toMillis()) +
        overlap(day.set({ hour: 23 }).toMillis(), slice.dayEnd)
      );
    };
    // Zones whose days are odd: DST at midnight, half-hour DST, a skipped day, shifting offsets.
    const ZONES = [
      'Europe/London',
      'America/New_York',
      'America/Santiago',
      'America/Havana',
      'Asia/Beirut',
      'Australia/Lord_Howe',
      'Pacific/Apia',
      'America/St_Johns',
      'Asia/Kathmandu',
      'Africa/Casablanca',
      'Antarctica/Troll',
      'UTC',
    ];
    // Where a day's midnight comes twice (Havana's clocks go back at 01:00), Luxon starts the
    // day at the one its starting instant's offset picks, and the remembered days may start
    // it at the other: either is a midnight of the day, and the night minutes are the same.
    const withoutDayStart = ({ dayStart: _, ...rest }: DaySlice) => rest;
    const isMidnightOf = (ms: number, date: string, zone: string) => {
      const at = DateTime.fromMillis(ms, { zone });
      return at.toISODate() === date && at.hour === 0 && at.minute === 0 && at.second === 0;
    };

    const instant = fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2100-01-01T00:00:00Z'),
      noInvalidDate: true,
    });

    it('cuts any interval at the same midnights, and counts the same night minutes', () => {
      fc.assert(
        fc.property(
          instant,
          fc.integer({ min: 0, max: 4 * 24 * 60 }),
          fc.constantFrom(...ZONES),
          (start, minutes, zone) => {
            const end = new Date(start.getTime() + minutes * 60000);
            const slices = splitByLocalDay(start, end, zone);
            const luxon = luxonSplit(start, end, zone);
            expect(slices.map(withoutDayStart)).toEqual(luxon.map(withoutDayStart));
            slices.forEach((slice, i) => {
              const dayStart = luxon[i]!.dayStart;
              if (slice.dayStart !== dayStart)
                expect(isMidnightOf(slice.dayStart, slice.date, zone)).toBe(true);
              expect(nightMinutes(slice, zone)).toBe(luxonNight(luxon[i]!, zone));
            });
          },
        ),
        { numRuns: 3000 },
      );
    });

    it('cuts the days either side of a transition as Luxon does, asked twice', () => {
      // 2011-12-29 did not happen in Samoa; Santiago's clocks move at midnight.
      for (const [zone, at] of [
        ['Pacific/Apia', '2011-12-28T00:00:00Z'],
        ['America/Santiago', '2025-04-05T00:00:00Z'],
        ['America/Santiago', '2025-09-06T00:00:00Z'],
        ['Europe/London', '2025-03-29T12:00:00Z'],
      ] as const) {
        const start = new Date(at);
        const end = new Date(start.getTime() + 3 * 86_400_000);
        expect(splitByLocalDay(start, end, zone)).toEqual(luxonSplit(start, end, zone));
        expect(splitByLocalDay(start, end, zone)).toEqual(luxonSplit(start, end, zone));
      }
    });

    it('starts a day whose midnight comes twice at a midnight of that day', () => {
      // 2032-11-07 in Havana: 00:00 CDT (04:00Z), then at 01:00 back to 00:00 CST (05:00Z).
      const [slice] = splitByLocalDay(
        new Date('2032-11-07T05:00:00Z'),
        new Date('2032-11-07T05:01:00Z'),
        'America/Havana',
      );
      expect(slice).toMatchObject({
        date: '2032-11-07',
        dayStart: Date.parse('2032-11-07T04:00:00Z'),
        dayEnd: Date.parse('2032-11-08T05:00:00Z'),
      });
    });

    it('has no days in a zone it does not know', () => {
      expect(splitByLocalDay(new Date(0), new Date(86_400_000), 'Nowhere/Atlantis')).toEqual([]);
    });
  });
});
