import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { v7 as uuidv7 } from 'uuid';
import {
  checkExpectedVersion,
  concurrentChange,
  once,
  type SubgraphContext,
} from '../../../runtime';
import { applyRateCard } from './applyRateCard';
import { closeDay, ledgerToday } from './closeDay';
import { GradeSchema, RateCardSchema, type Grade, type RateCard } from './entities';
import { gradeExists, gradeNotFound, invalid } from './errors';
import { gradeCreated, gradeUpdated, rateCardSet } from './events';
import {
  checkDate,
  checkDescription,
  checkGradeCode,
  checkRateCardInput,
  type CloseBillingDayInput,
  type CreateGradeInput,
  type SetRateCardInput,
  type UpdateGradeInput,
} from './inputs';
import type { BillingLoaders } from './loaders';
import { closeView, findGrade, isKnownGrade, rateCard, type GradeView } from './queries';

export type BillingContext = SubgraphContext<BillingLoaders>;

/** Billing's writes, each in one transaction with its event; `now` is the clock. */
export class BillingService {
  constructor(
    private readonly ctx: BillingContext,
    private readonly now: () => Date,
  ) {}

  private get em(): EntityManager {
    return this.ctx.em;
  }

  /** Sets a grade's card from a day on, re-costing what it changes (see applyRateCard). */
  async setRateCard(input: SetRateCardInput) {
    const { grade, overtime, night, holiday, reason } = checkRateCardInput(input);
    const today = ledgerToday(this.now());
    if (!(await isKnownGrade(this.em, grade)))
      throw invalid(
        'grade',
        `Unknown grade ${grade}: create it first (createGrade), or hire someone into it.`,
      );
    const scope = {
      operation: 'billing.setRateCard',
      caller: this.ctx.identity.subject,
      key: input.idempotencyKey,
    };
    const { id } = await once(this.em, scope, async (tx) => {
      const card: RateCard = {
        id: uuidv7(),
        grade,
        effectiveFrom: input.effectiveFrom,
        baseHourlyRateMinor: input.baseHourlyRate.amountMinor,
        currency: input.baseHourlyRate.currency,
        overtimeMultiplier: overtime,
        nightMultiplier: night,
        publicHolidayMultiplier: holiday,
        setAt: this.now(),
        setBy: this.ctx.identity.subject,
        correctionReason: reason,
        // Decided by applyRateCard, just below.
        kind: null,
        reversedCount: null,
        postedCount: null,
        costedWaitingCount: null,
      };
      Object.assign(card, await applyRateCard(tx, card, today));
      await tx.insert(RateCardSchema, card);
      this.ctx.emit(tx, rateCardSet(card));
      return card.id;
    });
    return rateCard(this.em, id);
  }

  async closeBillingDay(input: CloseBillingDayInput) {
    checkDate('date', input.date);
    const today = ledgerToday(this.now());
    if (input.date > today) throw invalid('date', `date must not be after today (${today}).`);
    const { close } = await this.em.transactional((tx) =>
      closeDay(tx, input.date, { emit: (draft) => this.ctx.emit(tx, draft), now: this.now() }),
    );
    return closeView(close);
  }

  async createGrade(input: CreateGradeInput): Promise<GradeView> {
    const code = checkGradeCode('code', input.code);
    const description = checkDescription(input.description);
    const scope = {
      operation: 'billing.createGrade',
      caller: this.ctx.identity.subject,
      key: input.idempotencyKey,
    };
    try {
      await once(this.em, scope, async (tx) => {
        if (await tx.findOne(GradeSchema, { code })) throw gradeExists(code);
        const at = this.now();
        const grade: Grade = {
          code,
          description,
          retired: false,
          version: 1,
          createdAt: at,
          createdBy: this.ctx.identity.subject,
          updatedAt: at,
        };
        await tx.insert(GradeSchema, grade);
        this.ctx.emit(tx, gradeCreated(grade));
        return code;
      });
    } catch (error) {
      // Two creates of one grade at once: the loser learns it exists.
      if (error instanceof UniqueConstraintViolationException) throw gradeExists(code);
      throw error;
    }
    return (await findGrade(this.em, code))!;
  }

  async updateGrade(input: UpdateGradeInput): Promise<GradeView> {
    const code = checkGradeCode('code', input.code);
    const description =
      input.description === undefined ? undefined : checkDescription(input.description);
    await this.em.transactional(async (tx) => {
      const grade = await tx.findOne(GradeSchema, { code }, { disableIdentityMap: true });
      if (!grade) throw gradeNotFound(code);
      checkExpectedVersion(`Grade ${code}`, input.expectedVersion, grade.version);
      const next = {
        description: description === undefined ? grade.description : description,
        retired: typeof input.retired === 'boolean' ? input.retired : grade.retired,
      };
      if (next.description === grade.description && next.retired === grade.retired) return;
      const version = grade.version + 1;
      const changed = await tx.nativeUpdate(
        GradeSchema,
        { code, version: grade.version },
        { ...next, version, updatedAt: this.now() },
      );
      if (!changed) throw concurrentChange(`Grade ${code}`);
      this.ctx.emit(tx, gradeUpdated(code, next, grade, version));
    });
    return (await findGrade(this.em, code))!;
  }
}
