import path from 'node:path';
import { defineSubgraph } from '../../../runtime/src/subgraph/SubgraphModule';
import { readSubgraphSdl } from '../../../runtime/src/subgraph/readSubgraphSdl';
import { deadLetterRecorder } from './deadLetters';
import { auditEntities } from './entities';
import { exportRoute } from './export';
import { auditLogHandler } from './handlers';
import { resolvers } from './resolvers';
import { purgeExpiredJob } from './retention';
import { retentionPolicy } from './retentionPolicy';

export const typeDefs = readSubgraphSdl(path.join(__dirname, 'schema.graphql'));

/** The audit log: every event becomes a hash-chained entry that auditors read and export. */
export const audit = defineSubgraph({
  name: 'audit',
  typeDefs,
  resolvers,
  entities: auditEntities,
  eventHandlers: [auditLogHandler, retentionPolicy.handler],
  deadLetterHandlers: [deadLetterRecorder],
  jobs: [purgeExpiredJob],
  routes: { '/audit/export': exportRoute },
});

export { appendEntry, appendEvent, verifyChain } from './AuditLog';
export { eventToEntry, mask } from './eventToEntry';
export { purgeExpired, expiryCutoff } from './retention';
export { retentionDaysAt, retentionPolicy } from './retentionPolicy';
