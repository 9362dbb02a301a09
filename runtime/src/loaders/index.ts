export { listLoader } from './listLoader';
export { rangeLoader } from './rangeLoader';
