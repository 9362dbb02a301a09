export { createFieldErrorsPlugin, splitByField } from './createFieldErrorsPlugin';
export { createInputCheck, refuseAll, type InputCheck } from './createInputCheck';
export { InputErrors, faultOf, firstFault, isFieldError, type InputFault } from './InputErrors';
