import { v7 as uuidv7 } from 'uuid';
import {
  employeeEventsFor,
  employeeOp,
  eventsWithRepeats,
  opsWithRepeats,
} from '../../../test-support/employeeEventOps';
import { describeBatchPath, rowsOf } from '../../../test-support/sameEffectInBatches';
import { KnownEmployeeSchema } from '../src/entities';
import { employeeCopyHandler } from '../src/handlers';
import { startAgreements } from './support';

/** Any employees events, repeats and stale versions among them, about four fresh employees. */
const scenario = opsWithRepeats(employeeOp, employeeOp).map((ops) => {
  const employees = Array.from({ length: 4 }, () => uuidv7());
  const events = eventsWithRepeats(ops, employeeEventsFor(employees));
  return { events, stateOf: rowsOf(KnownEmployeeSchema, { id: { $in: employees } }) };
});

describeBatchPath("agreements' copy of employees", {
  start: () => startAgreements(),
  handler: () => employeeCopyHandler,
  scenario,
});
