import type { EventHandlerDefinition } from '../../../messaging/src/types';
import { appendEntry } from './AuditLog';
import { eventToEntry } from './eventToEntry';

/** Every event of every subgraph becomes one audit entry. */
export const auditLogHandler: EventHandlerDefinition = {
  name: 'audit_log',
  types: ['>'],
  async handle(event, { em }) {
    await appendEntry(em, eventToEntry(event));
  },
};
