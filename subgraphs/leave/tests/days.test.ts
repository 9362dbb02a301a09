import { balanceOf, entitlementOf, leaveYearOf } from '../src/balances';
import { chargedDays, DEFAULT_WORKING_DAYS, halvesOf } from '../src/days';
import { leaveConfig } from '../src/settings';
import { agreementCopy as agreement } from './agreementCopy';

const config = leaveConfig();
const annual = config.policies.ANNUAL;
const rules = (location: string, policy = annual) => ({
  workingDays: DEFAULT_WORKING_DAYS,
  location,
  policy,
});
const span = (startDate: string, endDate: string, halfDayStart = false, halfDayEnd = false) => ({
  startDate,
  endDate,
  halfDayStart,
  halfDayEnd,
});
const days = (s: ReturnType<typeof span>, location = 'ENGLAND_AND_WALES', policy = annual) =>
  halvesOf(chargedDays(s, rules(location, policy))) / 2;

describe('leave: counting days', () => {
  it('charges 7 days over Christmas in England (25, 26 December and 1 January are holidays)', () => {
    expect(days(span('2025-12-22', '2026-01-02'))).toBe(7);
  });

  it('charges 6 days over the same dates in Scotland (2 January is a holiday too)', () => {
    expect(days(span('2025-12-22', '2026-01-02'), 'SCOTLAND')).toBe(6);
  });

  it('counts a Friday to a half-day Monday as 1.5 days', () => {
    expect(days(span('2025-11-14', '2025-11-17', false, true))).toBe(1.5);
    expect(days(span('2025-11-14', '2025-11-17', true, true))).toBe(1);
  });

  it('follows the working pattern, and counts weekends and holidays for types that say so', () => {
    const pattern = { ...rules('ENGLAND_AND_WALES'), workingDays: ['MON', 'WED'] as const };
    expect(halvesOf(chargedDays(span('2025-11-10', '2025-11-16'), pattern)) / 2).toBe(2);
    expect(
      days(span('2025-12-22', '2026-01-02'), 'ENGLAND_AND_WALES', config.policies.PARENTAL),
    ).toBe(12);
  });

  it('uses a country code as the location', () => {
    // 1 May is Labour Day in France.
    expect(days(span('2025-04-28', '2025-05-02'), 'FR')).toBe(4);
  });
});

describe('leave: years and balances', () => {
  it('takes the agreement year, or 1 April to 31 March without one', () => {
    expect(leaveYearOf('2025-12-25', [agreement()], config)).toEqual({
      start: '2025-04-01',
      end: '2026-03-31',
    });
    const joiner = agreement({ startDate: '2025-09-01' });
    expect(leaveYearOf('2025-10-01', [joiner], config).start).toBe('2025-04-01');
    expect(leaveYearOf('2026-02-10', [], config)).toEqual({
      start: '2025-04-01',
      end: '2026-03-31',
    });
    expect(leaveYearOf('2026-05-10', [], leaveConfig({ leaveYearStart: '01-01' })).start).toBe(
      '2026-01-01',
    );
  });

  it('gives full-timers the policy days and part-timers their FTE share', () => {
    const year = { start: '2025-04-01', end: '2026-03-31' };
    const hired = { hireDate: '2020-01-01', terminationDate: null };
    expect(entitlementOf('ANNUAL', annual, year, hired, [agreement()]) / 2).toBe(25);
    expect(entitlementOf('ANNUAL', annual, year, hired, [agreement({ fteUnits: 6000 })]) / 2).toBe(
      15,
    );
    expect(
      entitlementOf('ANNUAL', annual, year, hired, [agreement({ annualLeaveHundredths: 2750 })]) /
        2,
    ).toBe(27.5);
  });

  it('gives joiners a pro rata entitlement, rounded up to a half day', () => {
    const year = { start: '2025-04-01', end: '2026-03-31' };
    // 1 October to 31 March: 182 of 365 days of 25 = 12.47, rounded up to 12.5.
    const joiner = { hireDate: '2025-10-01', terminationDate: null };
    expect(
      entitlementOf('ANNUAL', annual, year, joiner, [agreement({ startDate: '2025-10-01' })]) / 2,
    ).toBe(12.5);
    expect(entitlementOf('ANNUAL', annual, year, joiner, []) / 2).toBe(12.5);
  });

  it('carries unused days over, capped, and lets unused carried days expire', () => {
    const employee = { hireDate: '2020-01-01', terminationDate: null };
    const previous = agreement({ id: 'a0', startDate: '2024-04-01', endDate: '2025-03-31' });
    const current = agreement();
    const booking = (date: string, status: 'APPROVED' | 'PENDING' = 'APPROVED') => ({
      id: date,
      leaveType: 'ANNUAL' as const,
      status,
      chargedDays: [{ date, halves: 2 }],
    });
    // 2 days taken of 25 last year: 23 unused, capped at 5.
    const taken = [booking('2024-06-03'), booking('2024-06-04')];
    const inJune = balanceOf(
      'ANNUAL',
      () => annual,
      '2025-06-01',
      employee,
      [previous, current],
      taken,
      config,
    );
    expect(inJune).toMatchObject({ carriedOver: 10, carryOverExpiresOn: '2025-06-30' });
    expect(inJune.remaining / 2).toBe(30);
    // After 30 June only the carried days used by then stay.
    const used = [...taken, booking('2025-05-05'), booking('2025-07-07')];
    const inAugust = balanceOf(
      'ANNUAL',
      () => annual,
      '2025-08-01',
      employee,
      [previous, current],
      used,
      config,
    );
    expect(inAugust.carriedOver / 2).toBe(1);
    expect(inAugust.taken / 2).toBe(2);
    expect(inAugust.remaining / 2).toBe(24);
  });
});
