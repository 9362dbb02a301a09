import type { MigrationSet } from '../../../../runtime';
import { postgresql } from './postgresql';
import { sqlite } from './sqlite';

/** The committed migrations of this subgraph's tables (docs/migrations.md). */
export const migrations: MigrationSet = { sqlite, postgresql };
