import { isLate } from '../organisation';
import type { SeedContext } from '../SeedContext';
import { callerOf, idOf, inTurn, progressOf } from '../SeedContext';

const CHECK_IN = `mutation SeedCheckIn($input: CheckInInput!) { checkIn(input: $input) { id checkOutTime } }`;
const CHECK_OUT = `mutation SeedCheckOut($input: CheckOutInput!) { checkOut(input: $input) { id } }`;
const PROCESS_DAY = `mutation SeedProcessDay($input: ProcessAttendanceDayInput!) { processAttendanceDay(input: $input) { date } }`;

export interface AttendanceSummary {
  checkIns: number;
  late: number;
  daysProcessed: number;
}

/**
 * Everyone badges in and out on the last ten working days, a few of them late; then HR
 * processes each day. A check-in carries a key; a check-out is sent only while the
 * check-in is still open, so a second run changes nothing.
 */
export async function seedAttendance(ctx: SeedContext): Promise<AttendanceSummary> {
  const { calendar } = ctx;
  let late = 0;
  const progress = progressOf(ctx, 'attendance');
  await inTurn(ctx.people, 4, async (person, personIndex) => {
    const caller = callerOf(ctx, person);
    const employeeId = idOf(ctx, person.key);
    for (const [dayIndex, date] of calendar.attendanceDays.entries()) {
      const lateToday = isLate(personIndex, dayIndex);
      if (lateToday) late += 1;
      const { checkIn } = await ctx.client.eventually(() =>
        ctx.client.request<{ checkIn: { checkOutTime: string | null } }>(caller, CHECK_IN, {
          input: {
            idempotencyKey: `check-in-${date}`,
            employeeId,
            time: calendar.at(date, lateToday ? '09:25' : '08:55', person.timeZone),
            location: person.department,
            device: `badge-reader-${person.location.toLowerCase()}`,
          },
        }),
      );
      if (checkIn.checkOutTime) continue;
      await ctx.client.request(caller, CHECK_OUT, {
        input: { employeeId, time: calendar.at(date, '17:05', person.timeZone) },
      });
    }
    progress();
  });
  for (const date of calendar.attendanceDays)
    await ctx.client.request(ctx.hr, PROCESS_DAY, {
      input: { date, employeeIds: ctx.people.map((p) => idOf(ctx, p.key)) },
    });
  const checkIns = ctx.people.length * calendar.attendanceDays.length;
  ctx.log(
    `attendance: ${checkIns} check-ins (${late} late), ${calendar.attendanceDays.length} days processed`,
  );
  return { checkIns, late, daysProcessed: calendar.attendanceDays.length };
}
