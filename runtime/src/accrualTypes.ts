/** The accrual types (docs/domain.md#accruals), in the order every subgraph lists them. */
export const ACCRUAL_TYPES = [
  'ANNUAL_TARGET_HOURS',
  'NIGHT_HOURS',
  'WEEKEND_HOURS',
  'PUBLIC_HOLIDAY_HOURS',
  'ON_CALL_WEEKDAY',
  'ON_CALL_WEEKEND',
  'ON_CALL_PUBLIC_HOLIDAY',
] as const;
export type AccrualType = (typeof ACCRUAL_TYPES)[number];
