import {
  DomainError,
  ErrorCode,
  knowEmployeeByNumber,
  type SubgraphContext,
} from '../../../runtime';
import { KnownEmployeeSchema } from './entities';
import { employeeKnowing } from './handlers';

/** Numbers one import asks employees about at most: a file of strangers asks no more. */
export const MAX_NUMBERS_ASKED = 1000;

/** Learns, before a batch of an import, the people its rows name that the copy lacks. */
export type LearnEmployeeNumbers = (numbers: readonly string[]) => Promise<void>;

/**
 * The learner of one import: a number the copy of employees does not hold yet (the hire's
 * event is still on its way) is asked of employees, once, and its holder kept in the copy.
 * When employees cannot be asked, the rest stay unknown and their rows are refused as before.
 */
export function employeeNumberLearner(
  ctx: Pick<SubgraphContext, 'em' | 'askOwner'>,
): LearnEmployeeNumbers {
  const asked = new Set<string>();
  let reachable = true;
  return async (numbers) => {
    if (!reachable) return;
    const known = await ctx.em
      .fork()
      .find(
        KnownEmployeeSchema,
        { employeeNumber: { $in: [...numbers] } },
        { fields: ['employeeNumber'] },
      );
    const held = new Set(known.map((employee) => employee.employeeNumber));
    for (const number of numbers) {
      if (held.has(number) || asked.has(number) || asked.size >= MAX_NUMBERS_ASKED) continue;
      asked.add(number);
      reachable = await knowEmployeeByNumber(ctx, number, employeeKnowing).then(
        () => true,
        (error: unknown) => {
          if (error instanceof DomainError && error.code === ErrorCode.UNAVAILABLE) return false;
          throw error;
        },
      );
      if (!reachable) return;
    }
  };
}
