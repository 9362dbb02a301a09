import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { type EventEnvelope, loadCatalogue } from '../../../messaging';
import {
  employeeEventsFor,
  employeeOp,
  repeated,
  repeatOp,
} from '../../../test-support/employeeEventOps';
import { describeBatchPath, type Fed } from '../../../test-support/sameEffectInBatches';
import { KnownEmployeeSchema } from '../src/entities';
import { employeeCopyHandler } from '../src/handlers';
import { startAgreements } from './support';

const catalogue = loadCatalogue();

/** Any employees events, repeats and stale versions among them, about four fresh employees. */
const scenario = fc
  .array(fc.oneof(employeeOp, employeeOp, repeatOp), { minLength: 1, maxLength: 30 })
  .map((ops) => {
    const employees = Array.from({ length: 4 }, () => uuidv7());
    const employeeEvent = employeeEventsFor(employees);
    let events: EventEnvelope[] = [];
    for (const op of ops)
      events = op.kind === 'repeat' ? repeated(events, op) : [...events, employeeEvent(op)];
    for (const event of events) catalogue.validate(event);
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
