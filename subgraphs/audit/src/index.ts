import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { defineSubgraph } from '../../../runtime/src/subgraph/SubgraphModule';
import { auditEntities } from './entities';
import { exportRoute } from './export';
import { auditLogHandler } from './handlers';
import { resolvers } from './resolvers';
import { purgeExpiredJob } from './retention';

export const typeDefs = parse(fs.readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

/** The audit log: every event becomes a hash-chained entry that auditors read and export. */
export const audit = defineSubgraph({
  name: 'audit',
  typeDefs,
  resolvers,
  entities: auditEntities,
  eventHandlers: [auditLogHandler],
  jobs: [purgeExpiredJob],
  routes: { '/audit/export': exportRoute },
});

export { appendEntry, appendEvent, verifyChain } from './AuditLog';
export { eventToEntry, mask } from './eventToEntry';
export { purgeExpired, expiryCutoff } from './retention';
