import type { PropertyBuilders } from './entityColumns';
import { uuidEntity } from './uuidEntity';

/**
 * The table of a domain's copy of agreements, fed by agreements' events: the newest version
 * of each, its span, and the terms `terms` picks. Each subgraph names its own entity and table.
 */
export const agreementCopySchema = <T extends Record<string, unknown>>(
  name: string,
  tableName: string,
  terms: (p: PropertyBuilders) => T,
) =>
  uuidEntity(name, tableName, (p) => ({
    employeeId: p.string().length(36).index(),
    startDate: p.string().length(10),
    /** Inclusive. */
    endDate: p.string().length(10),
    ...terms(p),
    version: p.integer(),
  }));
