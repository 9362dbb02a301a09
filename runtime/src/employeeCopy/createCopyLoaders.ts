import type DataLoader from 'dataloader';
import type { EntitySchema } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { idLoader } from '../loaders';
import { managerChainLoader } from './managerChains';

/** The loaders over a subgraph's copy of employees. */
export interface CopyLoaders<T> {
  /** Copies by id. */
  employee: DataLoader<string, T | null>;
  /** Managers above an employee in the copy, nearest first. */
  managerChain: DataLoader<string, string[]>;
}

/** Per-request batches over the copy `schema`: N employees' copies or chains cost one query each. */
export const createCopyLoaders = <T extends { id: string }>(
  em: EntityManager,
  schema: EntitySchema<T>,
): CopyLoaders<T> => ({
  employee: idLoader(em, schema),
  managerChain: managerChainLoader(em, schema.meta.className),
});
