import { uuidEntity } from './uuidEntity';

/**
 * The table of a domain's copy of time entries, fed by time's events: the newest version
 * of each entry, and a tombstone (`deleted`) once it is deleted. Each subgraph names its
 * own entity and table.
 */
export const timeEntryCopySchema = (name: string, tableName: string) =>
  uuidEntity(name, tableName, (p) => ({
    employeeId: p.string().length(36).index(),
    periodType: p.string().length(30),
    startTime: p.datetime(),
    endTime: p.datetime().nullable(),
    mealBreakMinutes: p.integer(),
    version: p.integer(),
    deleted: p.boolean(),
  }));
