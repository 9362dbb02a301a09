/** The data of an employees.employee.created event, as the employees subgraph publishes it. */
export function createdData(id: string, overrides: Record<string, unknown> = {}) {
  return {
    employeeId: id,
    employeeNumber: `E${id.slice(-6)}`,
    version: 1,
    firstName: 'Pat',
    lastName: 'Person',
    email: `pat.${id.slice(-12)}@example.com`,
    department: 'Emergency Medicine',
    jobTitle: 'Staff Nurse',
    grade: 'BAND_5',
    employmentType: 'FULL_TIME',
    status: 'ACTIVE',
    hireDate: '2021-04-01',
    managerId: null,
    location: 'ENGLAND_AND_WALES',
    timeZone: 'Europe/London',
    ...overrides,
  };
}
