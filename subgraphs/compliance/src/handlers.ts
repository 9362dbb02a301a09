import { keepEmployeeCopy } from '../../../runtime';
import { EmployeeCopySchema } from './entities';

const employeeCopy = keepEmployeeCopy(EmployeeCopySchema);

/** What a write asks of the copy before it needs an employee (`knowEmployee`). */
export const employeeKnowing = employeeCopy.knowing;

/** Applies one employees event to compliance's copy. */
export const applyEmployeeEvent = employeeCopy.apply;

/** Keeps compliance's copy of employees: status, manager, department, location, zone. */
export const employeeCopyHandler = employeeCopy.handler;
