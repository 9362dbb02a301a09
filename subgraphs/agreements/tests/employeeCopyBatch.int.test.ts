import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import {
  employeeEventsFor,
  employeeOp,
  eventsWithRepeats,
  repeatOp,
} from '../../../test-support/employeeEventOps';
import { describeBatchPath, type Fed } from '../../../test-support/sameEffectInBatches';
import { KnownEmployeeSchema } from '../src/entities';
import { employeeCopyHandler } from '../src/handlers';
import { startAgreements } from './support';

/** Any employees events, repeats and stale versions among them, about four fresh employees. */
const scenario = fc
  .array(fc.oneof(employeeOp, employeeOp, repeatOp), { minLength: 1, maxLength: 30 })
  .map((ops) => {
    const employees = Array.from({ length: 4 }, () => uuidv7());
    const events = eventsWithRepeats(ops, employeeEventsFor(employees));
    const stateOf = (h: Fed) =>
      h.runtime.orm.em
        .fork()
        .find(KnownEmployeeSchema, { id: { $in: employees } }, { orderBy: { id: 'asc' } });
    return { events, stateOf };
  });

describeBatchPath("agreements' copy of employees", {
  start: () => startAgreements(),
  subgraph: 'agreements',
  handler: () => employeeCopyHandler,
  scenario,
});
