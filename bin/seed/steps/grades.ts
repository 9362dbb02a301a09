import { GRADES } from '../organisation';
import type { SeedContext } from '../SeedContext';

const CREATE_GRADE = `mutation SeedGrade($input: CreateGradeInput!) { createGrade(input: $input) { code } }`;
const SET_RATE_CARD = `mutation SeedRateCard($input: SetRateCardInput!) { setRateCard(input: $input) { grade kind } }`;

/** Billing's grades and a rate card for each from the start of the agreements, as finance. */
export async function seedGrades(ctx: SeedContext): Promise<number> {
  const finance = { role: 'FINANCE' as const, sub: 'service:seed' };
  for (const grade of GRADES) {
    await ctx.client.request(finance, CREATE_GRADE, {
      input: {
        code: grade.code,
        description: grade.description,
        idempotencyKey: `grade-${grade.code}`,
      },
    });
    await ctx.client.request(finance, SET_RATE_CARD, {
      input: {
        grade: grade.code,
        effectiveFrom: ctx.calendar.agreementStart,
        baseHourlyRate: { amountMinor: grade.hourlyMinor, currency: 'GBP' },
        overtimeMultiplier: 1.5,
        nightMultiplier: 1.3,
        publicHolidayMultiplier: 2,
        idempotencyKey: `rate-card-${grade.code}`,
      },
    });
  }
  ctx.log(`grades: ${GRADES.length} with a rate card each`);
  return GRADES.length;
}
