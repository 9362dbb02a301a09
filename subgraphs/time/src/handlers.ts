import { keepEmployeeCopy } from '../../../runtime';
import { EmployeeCopySchema } from './entities';

const employeeCopy = keepEmployeeCopy(EmployeeCopySchema);

/** What a write asks of the copy before it needs an employee (`knowEmployee`). */
export const employeeKnowing = employeeCopy.knowing;

/** Applies one employees event to time's copy: status, manager and zone. */
export const applyEmployeeEvent = employeeCopy.apply;

/** Keeps time's copy of employees and their reporting lines, through an inbox. */
export const employeeCopyHandler = employeeCopy.handler;
