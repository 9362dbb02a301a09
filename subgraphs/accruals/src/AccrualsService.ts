import { DateTime } from 'luxon';
import { addDays, type SubgraphContext } from '../../../runtime';
import {
  AccrualDaySchema,
  ContributionSchema,
  SeenCorrelationSchema,
  type AccrualType,
  type AgreementCopy,
} from './entities';
import * as check from './inputs';
import { unitValue } from './ledger';
import type { AccrualsLoaders } from './loaders';
import { assertCanFollowChanges, assertCanReadAccruals } from './permissions';
import { summarise, type AccrualSummary } from './summarise';

export type { AccrualSummary };

export type AccrualsContext = SubgraphContext<AccrualsLoaders>;

export interface AccrualDay {
  date: string;
  dayTotal: number;
  cumulativeTotal: number;
}

export class AccrualsService {
  constructor(private readonly ctx: AccrualsContext) {}

  private assertCanRead(employeeId: string): Promise<void> {
    return assertCanReadAccruals(this.ctx.identity, employeeId, (id) =>
      this.ctx.loaders.managerChain.load(id),
    );
  }

  private async agreementOn(employeeId: string, date: string): Promise<AgreementCopy | null> {
    const agreements = await this.ctx.loaders.agreements.load(employeeId);
    return agreements.find((a) => a.startDate <= date && date <= a.endDate) ?? null;
  }

  /** One summary per type the agreement covering `on` names, in the enum's order. */
  async summary(employeeId: string, on: string): Promise<AccrualSummary[]> {
    check.isoDate('on', on);
    await this.assertCanRead(employeeId);
    const agreement = await this.agreementOn(employeeId, on);
    if (!agreement) return [];
    const rows = await this.ctx.loaders.lastDays.load(`${agreement.id}|${on}`);
    return summarise(agreement, rows, on);
  }

  /** One type's summary on `on` (default: the employee's local today), or null. */
  async balance(
    employeeId: string,
    type: AccrualType,
    on?: string | null,
  ): Promise<AccrualSummary | null> {
    const day = on ?? (await this.localToday(employeeId));
    const summaries = await this.summary(employeeId, day);
    return summaries.find((s) => s.accrualType === type) ?? null;
  }

  private async localToday(employeeId: string): Promise<string> {
    const zone = (await this.ctx.loaders.employee.load(employeeId))?.timeZone ?? 'UTC';
    return DateTime.now().setZone(zone).toISODate() ?? DateTime.utc().toISODate()!;
  }

  /** Every day of [from, to] for one type; cumulative restarts at each agreement's start. */
  async days(
    employeeId: string,
    type: AccrualType,
    from: string,
    to: string,
  ): Promise<AccrualDay[]> {
    const span = check.dayCount(from, to);
    await this.assertCanRead(employeeId);
    const agreements = await this.ctx.loaders.agreements.load(employeeId);
    const relevant = agreements.filter((a) => a.startDate <= to && a.endDate >= from);
    const rows = relevant.length
      ? await this.ctx.em.find(
          AccrualDaySchema,
          {
            agreementId: { $in: relevant.map((a) => a.id) },
            accrualType: type,
            date: { $lte: to },
          },
          { orderBy: { date: 'asc' } },
        )
      : [];
    const out: AccrualDay[] = [];
    for (let i = 0; i < span; i += 1) {
      const date = addDays(from, i);
      const agreement = relevant.find((a) => a.startDate <= date && date <= a.endDate);
      let dayTotal = 0;
      let cumulative = 0;
      if (agreement) {
        for (const row of rows) {
          if (row.agreementId !== agreement.id || row.date > date) continue;
          cumulative = row.cumulativeTotal;
          if (row.date === date) dayTotal = row.dayTotal;
        }
      }
      out.push({
        date,
        dayTotal: unitValue(type, dayTotal),
        cumulativeTotal: unitValue(type, cumulative),
      });
    }
    return out;
  }

  /** Entries with time outside every agreement known here. */
  async unassigned(employeeId: string): Promise<number> {
    await this.assertCanRead(employeeId);
    const rows = await this.ctx.em.find(ContributionSchema, { employeeId, agreementId: null });
    return new Set(rows.map((r) => r.entryId)).size;
  }

  async consistency(correlationId: string) {
    assertCanFollowChanges(this.ctx.identity);
    check.correlationId(correlationId);
    const seen = await this.ctx.em.findOne(SeenCorrelationSchema, { correlationId });
    return { correlationId, reflected: !!seen };
  }
}
