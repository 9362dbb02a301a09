export { byEmployee, groupBy } from './groupBy';
export { listLoader } from './listLoader';
export { rangeLoader } from './rangeLoader';
