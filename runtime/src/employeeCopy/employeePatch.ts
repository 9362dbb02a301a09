import { EMPLOYEE_LOOKED_UP, type EmployeeEventData, type EmployeeStatus } from './employeeEvents';

/** The employee fields most copies keep. */
export interface EmployeeFields {
  status: EmployeeStatus;
  managerId: string | null;
  location: string;
  timeZone: string;
  hireDate: string | null;
  terminationDate: string | null;
  department: string | null;
}

export type EmployeePatch = Partial<EmployeeFields>;

const changed = (data: EmployeeEventData, field: string): string | undefined => {
  const value = data.changes?.[field]?.new;
  return typeof value === 'string' ? value : undefined;
};

/** What an employees event says about the fields of `EmployeeFields`; undefined = not said. */
export function employeePatch(type: string, data: EmployeeEventData): EmployeePatch {
  switch (type) {
    case 'employees.employee.created':
      return {
        status: data.status,
        managerId: data.managerId ?? null,
        location: data.location,
        timeZone: data.timeZone,
        hireDate: data.hireDate,
        department: data.department ?? null,
      };
    case EMPLOYEE_LOOKED_UP:
      // The owner's answer is the created event's fields and where the person stands now.
      return {
        ...employeePatch('employees.employee.created', data),
        terminationDate: data.terminationDate ?? null,
      };
    case 'employees.employee.updated':
      return {
        location: changed(data, 'location'),
        timeZone: changed(data, 'timeZone'),
        hireDate: changed(data, 'hireDate'),
        department: changed(data, 'department'),
      };
    case 'employees.employee.status_changed':
      return { status: data.to };
    case 'employees.employee.terminated':
      return { status: 'TERMINATED', terminationDate: data.terminationDate ?? undefined };
    case 'employees.manager.assigned':
      return { managerId: data.managerId ?? null };
    default:
      return {};
  }
}

/** `employeePatch` narrowed to the fields a copy has columns for. */
export function patchKeeping<K extends keyof EmployeeFields>(fields: readonly K[]) {
  return (type: string, data: EmployeeEventData): Partial<Pick<EmployeeFields, K>> => {
    const patch = employeePatch(type, data);
    return Object.fromEntries(fields.map((field) => [field, patch[field]])) as Partial<
      Pick<EmployeeFields, K>
    >;
  };
}
