import { leaveOutcomeOf, type LeaveOutcome } from '../organisation';
import type { SeedContext } from '../SeedContext';
import { idOf, staffOf } from '../SeedContext';

interface Request {
  id: string;
  status: LeaveOutcome;
  version: number;
}

const FIELDS = 'id status version';
const REQUEST = `mutation SeedLeave($input: RequestLeaveInput!) { requestLeave(input: $input) { ${FIELDS} } }`;
const APPROVE = `mutation SeedApprove($input: ApproveLeaveInput!) { approveLeave(input: $input) { ${FIELDS} } }`;
const REJECT = `mutation SeedReject($input: RejectLeaveInput!) { rejectLeave(input: $input) { ${FIELDS} } }`;
const CANCEL = `mutation SeedCancel($input: CancelLeaveInput!) { cancelLeave(input: $input) { ${FIELDS} } }`;

/**
 * Some staff ask for two days' annual leave; their manager approves or rejects, or they
 * cancel, or it waits. The request carries a key, and a decision is taken only while the
 * request is still pending, so a second run changes nothing.
 */
export async function seedLeave(ctx: SeedContext): Promise<Record<LeaveOutcome, number>> {
  const counts: Record<LeaveOutcome, number> = {
    PENDING: 0,
    APPROVED: 0,
    REJECTED: 0,
    CANCELLED: 0,
  };
  for (const [index, person] of staffOf(ctx).entries()) {
    const outcome = leaveOutcomeOf(index);
    if (!outcome) continue;
    const employee = { role: 'EMPLOYEE' as const, sub: idOf(ctx, person.key) };
    const manager = { role: 'MANAGER' as const, sub: idOf(ctx, person.manager!) };
    // Leave hears of the agreement, and so of the entitlement, by event.
    const { requestLeave: asked } = await ctx.client.eventually(() =>
      ctx.client.request<{ requestLeave: Request }>(employee, REQUEST, {
        input: {
          idempotencyKey: 'seed-annual-leave',
          leaveType: 'ANNUAL',
          ...ctx.calendar.leaveDays(index % 6),
          reason: 'Family visit',
        },
      }),
    );
    if (asked.status === 'PENDING' && outcome !== 'PENDING') {
      const input = { id: asked.id, expectedVersion: asked.version };
      // Leave hears of the manager by event too.
      if (outcome === 'APPROVED')
        await ctx.client.eventually(() => ctx.client.request(manager, APPROVE, { input }));
      if (outcome === 'REJECTED')
        await ctx.client.eventually(() =>
          ctx.client.request(manager, REJECT, {
            input: { ...input, reason: 'The ward is short that week.' },
          }),
        );
      if (outcome === 'CANCELLED') await ctx.client.request(employee, CANCEL, { input });
    }
    counts[outcome] += 1;
  }
  ctx.log(
    `leave: ${Object.entries(counts)
      .map(([status, n]) => `${n} ${status.toLowerCase()}`)
      .join(', ')}`,
  );
  return counts;
}
