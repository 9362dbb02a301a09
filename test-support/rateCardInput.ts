/** A rate card input: `amountMinor` an hour for `grade` from `effectiveFrom`, the usual multipliers. */
export const rateCardInput = (
  grade: string,
  effectiveFrom: string,
  amountMinor: number,
  currency = 'GBP',
) => ({
  grade,
  effectiveFrom,
  baseHourlyRate: { amountMinor, currency },
  overtimeMultiplier: 1.5,
  nightMultiplier: 1.25,
  publicHolidayMultiplier: 2,
});
