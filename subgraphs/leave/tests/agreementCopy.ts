import type { AgreementCopy } from '../src/entities';

/** Leave's copy of a full-time agreement for the 2025/26 leave year, as a row. */
export const agreementCopy = (overrides: Partial<AgreementCopy> = {}): AgreementCopy => ({
  id: 'a1',
  employeeId: 'e1',
  startDate: '2025-04-01',
  endDate: '2026-03-31',
  fteUnits: 10_000,
  annualLeaveHundredths: null,
  workingDays: null,
  version: 1,
  ...overrides,
});
