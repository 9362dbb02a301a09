export {
  employeeCopySchema,
  PLACED_COLUMNS,
  type ExtraColumn,
  type LockableEmployeeCopy,
  type PlacedEmployeeCopy,
} from './employeeCopySchema';
export {
  EMPLOYEE_EVENTS,
  EMPLOYEE_LOOKED_UP,
  EMPLOYEE_STATUSES,
  type EmployeeEvent,
  type EmployeeEventData,
  type EmployeeStatus,
} from './employeeEvents';
export {
  employeePatch,
  patchKeeping,
  type EmployeeFields,
  type EmployeePatch,
} from './employeePatch';
export { keepEmployeeCopy, type EmployeeCopyKeeper } from './keepEmployeeCopy';
export { lockableCopyKeeping } from './lockableCopyKeeping';
export { namedCopyKeeping, type NamedEmployeeCopy } from './namedCopyKeeping';
export { employeeNameColumns } from './employeeNameColumns';
export { lockEmployee } from './lockEmployee';
export { managerChainLoader, managerChains } from './managerChains';
export { createCopyLoaders, type CopyLoaders } from './createCopyLoaders';
export {
  loadCopies,
  updateEmployeeCopies,
  updateEmployeeCopy,
  type CopyChange,
  type CopyKeeping,
  type LoadedCopies,
} from './updateEmployeeCopy';
export {
  EMPLOYEE_QUESTION,
  lookUpEmployee,
  lookUpEmployeeByNumber,
  validEmployeeAnswer,
  type EmployeeAnswer,
  type LookedUpEmployee,
} from './employeeLookup';
export {
  copyKnowing,
  knowEmployee,
  knowEmployeeByNumber,
  type EmployeeKnowing,
} from './knowEmployee';
