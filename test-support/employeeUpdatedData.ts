/**
 * The data of an employees.employee.updated event for employee number E1, beside
 * statusChangedData and terminatedData: `changes` holds each field's old and new value.
 */
export const employeeUpdatedData = (
  employeeId: string,
  version: number,
  changes: Record<string, { old: unknown; new: unknown }>,
) => ({
  employeeId,
  employeeNumber: 'E1',
  version,
  changes,
});
