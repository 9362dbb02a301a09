import type { SeedContext } from '../SeedContext';
import { callerOf, idOf, inTurn, progressOf } from '../SeedContext';

const RECORD_TIME = `mutation SeedTime($input: RecordTimeEntryInput!) { recordTimeEntry(input: $input) { id } }`;

/** Each person records their own day shift, 09:00 to 17:00 with half an hour's break. */
export async function seedTime(ctx: SeedContext): Promise<number> {
  const { calendar } = ctx;
  const progress = progressOf(ctx, 'time entries');
  await inTurn(ctx.people, 4, async (person) => {
    const caller = callerOf(ctx, person);
    for (const date of calendar.workdays) {
      const input = {
        idempotencyKey: `time-${date}`,
        employeeId: idOf(ctx, person.key),
        periodType: 'SHIFT',
        shiftType: 'DAY',
        startTime: calendar.at(date, '09:00', person.timeZone),
        endTime: calendar.at(date, '17:00', person.timeZone),
        mealBreakMinutes: 30,
      };
      // Time hears of a new employee by event.
      await ctx.client.eventually(() => ctx.client.request(caller, RECORD_TIME, { input }));
    }
    progress();
  });
  const count = ctx.people.length * calendar.workdays.length;
  ctx.log(`time entries: ${count} (${calendar.workdays[0]} to ${calendar.workdays.at(-1)})`);
  return count;
}
