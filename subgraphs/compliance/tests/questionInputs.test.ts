import { QUESTION_INPUTS } from '../src/checks/questionInputs';

describe('the input validateCompliance passes on', () => {
  it('is the time entry as recordTimeEntry or an amend takes it, absent values as null', () => {
    const given = {
      employeeId: 'e1',
      periodType: 'OVERTIME',
      startTime: '2025-11-03T18:00:00+01:00',
    };
    expect(QUESTION_INPUTS.timeEntry(given)).toEqual({
      entryId: null,
      employeeId: 'e1',
      periodType: 'OVERTIME',
      startTime: '2025-11-03T18:00:00+01:00',
      endTime: null,
      mealBreakMinutes: null,
    });
    expect(
      QUESTION_INPUTS.timeEntry({ ...given, entryId: 't1', endTime: 'x', mealBreakMinutes: 30 }),
    ).toMatchObject({ entryId: 't1', endTime: 'x', mealBreakMinutes: 30 });
  });

  it('is the attendance day as a manual entry takes it', () => {
    expect(
      QUESTION_INPUTS.attendanceDay({ employeeId: 'e1', checkInTime: '2025-11-03T09:05:00Z' }),
    ).toEqual({ employeeId: 'e1', checkInTime: '2025-11-03T09:05:00Z', checkOutTime: null });
  });

  it('is the leave request as requestLeave takes it, nothing else', () => {
    const input = QUESTION_INPUTS.leaveRequest({
      leaveType: 'ANNUAL',
      startDate: '2025-12-01',
      endDate: '2025-12-05',
      halfDayStart: true,
      reason: 'not asked',
    });
    expect(input).toEqual({
      employeeId: null,
      leaveType: 'ANNUAL',
      startDate: '2025-12-01',
      endDate: '2025-12-05',
      halfDayStart: true,
      halfDayEnd: null,
    });
  });
});
