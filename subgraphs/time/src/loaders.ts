import type DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import { type CopyLoaders, createCopyLoaders, rangeLoader } from '../../../runtime';
import {
  EmployeeCopySchema,
  type EmployeeCopy,
  type ScheduledShift,
  type TimeEntry,
} from './entities';
import { entriesOf, shiftsOf } from './queries';

/** A window read for one employee; the batch groups keys by window. */
export interface WindowKey {
  employeeId: string;
  from: Date;
  to: Date;
}

/** Per-request batches: N employees' entries, shifts, copies or chains cost one query each. */
export interface TimeLoaders extends CopyLoaders<EmployeeCopy> {
  entries: DataLoader<WindowKey, TimeEntry[], string>;
  shifts: DataLoader<WindowKey, ScheduledShift[], string>;
}

const windowOf = (key: WindowKey) => `${key.from.toISOString()}|${key.to.toISOString()}`;

export function createLoaders({ em }: { em: EntityManager }): TimeLoaders {
  return {
    entries: rangeLoader(windowOf, (ids, { from, to }) => entriesOf(em, ids, from, to)),
    shifts: rangeLoader(windowOf, (ids, { from, to }) => shiftsOf(em, ids, from, to)),
    ...createCopyLoaders(em, EmployeeCopySchema),
  };
}
