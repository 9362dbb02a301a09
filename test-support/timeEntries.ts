/** RecordTimeEntry's input for an early shift from `startTime` to `endTime`, with a meal break. */
export function earlyShiftInput(
  employeeId: string,
  startTime: string,
  endTime: string,
  mealBreakMinutes = 30,
) {
  return {
    employeeId,
    periodType: 'SHIFT',
    shiftType: 'Early',
    startTime,
    endTime,
    mealBreakMinutes,
  };
}
