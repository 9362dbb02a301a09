import path from 'node:path';
import type { CataloguedJob } from '../../../messaging';
import { defineSubgraph, readSubgraphSdl, type SubgraphModule } from '../../../runtime';
import { auditEntities } from './entities';
import { migrations } from './migrations';
import { exportRoute } from './exportRoute';
import { auditLogHandler, deadLetterRecorder } from './handlers';
import { createPurgeJob } from './jobs';
import { createResolvers } from './resolvers';
import { createRetention, type Retention } from './retention';
import { auditSettings, type AuditOptions } from './settings';

export const typeDefs = readSubgraphSdl(path.join(__dirname, 'schema.graphql'));

/** The module, with its retention rules and purge job at hand (for tests). */
export interface AuditModule extends SubgraphModule<unknown> {
  readonly retention: Retention;
  readonly purgeExpiredJob: CataloguedJob;
}

/** The audit log: every event becomes a hash-chained entry that auditors read and export. */
export function createAudit(options: AuditOptions = {}): AuditModule {
  const retention = createRetention(auditSettings(options));
  const purgeExpiredJob = createPurgeJob(retention);
  const module = defineSubgraph({
    name: 'audit',
    typeDefs,
    resolvers: createResolvers(retention),
    entities: auditEntities,
    migrations,
    eventHandlers: [auditLogHandler, retention.policy.handler],
    deadLetterHandlers: [deadLetterRecorder],
    jobs: [purgeExpiredJob],
    routes: { '/audit/export': exportRoute },
  });
  return { ...module, retention, purgeExpiredJob };
}

export const audit = createAudit();

export type { AuditOptions };
export { appendEntry, appendEvent } from './appendEntry';
export { verifyChain } from './verifyChain';
export { eventToEntry, mask } from './eventToEntry';
export { expiryCutoff, purgeEntries } from './retention';
