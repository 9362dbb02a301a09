import type DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import {
  type CopyLoaders,
  createCopyLoaders,
  type EmployeeRange,
  rangeLoader,
} from '../../../runtime';
import {
  EmployeeCopySchema,
  type AttendanceDay,
  type AttendanceEntry,
  type EmployeeCopy,
} from './entities';
import type { AttendancePolicies, PolicyAt } from './attendancePolicies';
import { daysOf, entriesOf } from './queries';

/** Per-request batches: N employees' days, entries, copies or chains cost one query each. */
export interface AttendanceLoaders extends CopyLoaders<EmployeeCopy> {
  days: DataLoader<EmployeeRange, AttendanceDay[], string>;
  entries: DataLoader<EmployeeRange, AttendanceEntry[], string>;
  /** The ATTENDANCE versions, read once per request when first needed. */
  policies: () => Promise<PolicyAt>;
}

/** Days `from` to `to`: a batch groups keys by range. */
const rangeOf = (key: EmployeeRange) => `${key.from}|${key.to}`;

/** The loaders of a request; the ATTENDANCE versions come from `attendance`. */
export function createLoaders(attendance: AttendancePolicies) {
  return ({ em }: { em: EntityManager }): AttendanceLoaders => {
    let policies: Promise<PolicyAt> | undefined;
    return {
      policies: () => (policies ??= attendance.read(em)),
      days: rangeLoader(rangeOf, (ids, { from, to }) => daysOf(em, ids, from, to)),
      entries: rangeLoader(rangeOf, (ids, { from, to }) => entriesOf(em, ids, from, to)),
      ...createCopyLoaders(em, EmployeeCopySchema),
    };
  };
}
