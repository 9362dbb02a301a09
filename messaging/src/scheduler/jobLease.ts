import { raw } from '@mikro-orm/core';
import type { JobRunnerContext } from './createJobRunner';
import { ScheduledJob } from './ScheduledJob';

/** `ms` after `from`. */
export const later = (from: Date, ms: number): Date => new Date(from.getTime() + ms);

/** The occurrence `id`, as long as `owner` holds its lease. */
export const held = (id: string, owner: string) => ({
  id,
  leaseOwner: owner,
  status: 'RUNNING' as const,
});

/** The filter of occurrences a replica may claim at `at`: due, and free or with a lapsed lease. */
export const claimable = (at: Date) => ({
  runAt: { $lte: at },
  $or: [{ status: 'PENDING' as const }, { status: 'RUNNING' as const, leaseUntil: { $lt: at } }],
});

/**
 * Takes the lease of occurrence `id` by a conditional update (RUNNING, the lease, attempts
 * + 1); the occurrence when this replica got it, null when it was not claimable.
 */
export async function claimJob(
  context: Pick<JobRunnerContext, 'fork' | 'now' | 'owner' | 'leaseMs'>,
  id: string,
): Promise<ScheduledJob | null> {
  const at = context.now();
  const claimed = await context.fork().nativeUpdate(
    ScheduledJob,
    { id, ...claimable(at) },
    {
      status: 'RUNNING',
      leaseOwner: context.owner,
      leaseUntil: later(at, context.leaseMs),
      attempts: raw('attempts + 1'),
    },
  );
  if (claimed !== 1) return null;
  return context.fork().findOne(ScheduledJob, { id });
}
