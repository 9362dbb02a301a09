import { contractOperation } from './contractOperation';
import type { TestPlatform } from './createTestPlatform';
import { waitFor } from './waitFor';

/**
 * The audit log's entries that match `variables`, read through the gateway as an auditor
 * once every one of `wanted` is among what `field` reads from them (say each entry's action).
 * The audit subgraph hears of events over NATS, so what a request records arrives later.
 */
export function waitForAuditLogs(
  tp: TestPlatform,
  variables: { filter: Record<string, unknown>; first?: number },
  field: (entry: any) => unknown,
  wanted: readonly unknown[],
): Promise<any[]> {
  const auditor = { role: 'AUDITOR' as const, sub: 'service:auditor' };
  return waitFor(async () => {
    const logs = await tp.graphql(contractOperation('AuditLogs'), variables, auditor);
    const entries: any[] = logs.data?.auditLogs.nodes ?? [];
    const seen = new Set(entries.map(field));
    return wanted.every((value) => seen.has(value)) ? entries : undefined;
  });
}
