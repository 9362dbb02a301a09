import type { CataloguedHandler, DeadLetterHandlerDefinition } from '../../../messaging';
import { appendEntries, appendEntry } from './appendEntry';
import { deadLetterRecorded } from './events';
import { eventToEntry } from './eventToEntry';

/** Every event of every subgraph becomes one audit entry. */
export const auditLogHandler: CataloguedHandler = {
  name: 'audit_log',
  types: ['>'],
  // A batch costs mostly its transaction's round trips and commit, the entries little each:
  // 500 a pull catch up on a backlog about an eighth faster than 200 (docs/architecture.md).
  batchSize: 500,
  async handle(event, { em }) {
    await appendEntry(em, eventToEntry(event));
  },
  async handleBatch(events, { em }) {
    await appendEntries(em, events.map(eventToEntry));
  },
};

/** Each new dead letter becomes an `audit.dead_letter.recorded` event (logged, and told to ADMIN). */
export const deadLetterRecorder: DeadLetterHandlerDefinition = {
  name: 'dead_letters',
  async handle(letter, { emit }) {
    emit(deadLetterRecorded(letter));
  },
};
