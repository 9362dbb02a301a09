import { fullTimeAgreement } from '../organisation';
import type { SeedContext } from '../SeedContext';
import { idOf } from '../SeedContext';

const CREATE_AGREEMENT = `mutation SeedAgreement($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }`;

/** A full-time agreement for everyone: Monday to Friday, 37.5 hours, 27 days' leave. */
export async function seedAgreements(ctx: SeedContext): Promise<number> {
  for (const person of ctx.people) {
    const input = {
      idempotencyKey: `agreement-${person.key}`,
      ...fullTimeAgreement(
        idOf(ctx, person.key),
        ctx.calendar.agreementStart,
        ctx.calendar.agreementEnd,
      ),
    };
    // Agreements hears of a new employee by event.
    await ctx.client.eventually(() => ctx.client.request(ctx.hr, CREATE_AGREEMENT, { input }));
  }
  ctx.log(`agreements: ${ctx.people.length}`);
  return ctx.people.length;
}
