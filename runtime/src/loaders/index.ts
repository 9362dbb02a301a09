export { findByEmployee } from './findByEmployee';
export { byEmployee, groupBy } from './groupBy';
export { idLoader } from './idLoader';
export { employeeRowsLoader, listLoader } from './listLoader';
export { type EmployeeRange, rangeLoader } from './rangeLoader';
