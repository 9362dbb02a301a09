import {
  QUESTION_FIELDS,
  attendanceDayInput,
  leaveRequestInput,
  timeEntryInput,
} from '../src/checks/questionInputs';

describe('the input validateCompliance passes on', () => {
  it('is a new time entry when no entryId is given (time reads a present one as an amend)', () => {
    const given = {
      employeeId: 'e1',
      periodType: 'OVERTIME',
      startTime: '2025-11-03T18:00:00+01:00',
      endTime: null,
    };
    const input = timeEntryInput(given);
    expect(input).toEqual(given);
    expect('entryId' in input).toBe(false);
    expect(timeEntryInput({ ...given, entryId: 't1', mealBreakMinutes: 30 })).toMatchObject({
      entryId: 't1',
      mealBreakMinutes: 30,
    });
  });

  it('is the manual entry in the names of attendance, with the local day given', () => {
    const input = attendanceDayInput(
      { employeeId: 'e1', checkInTime: '2025-11-03T09:05:00Z' },
      '2025-11-03',
    );
    expect(input).toEqual({
      employeeId: 'e1',
      date: '2025-11-03',
      checkIn: '2025-11-03T09:05:00Z',
    });
    expect(
      ['checkIn', 'checkOut', 'date', 'employeeId'].map(QUESTION_FIELDS.attendanceDay),
    ).toEqual(['checkInTime', 'checkOutTime', 'checkInTime', 'employeeId']);
  });

  it('is the leave request as requestLeave takes it, nothing else', () => {
    const input = leaveRequestInput({
      leaveType: 'ANNUAL',
      startDate: '2025-12-01',
      endDate: '2025-12-05',
      halfDayStart: true,
      reason: 'not asked',
    });
    expect(input).toEqual({
      leaveType: 'ANNUAL',
      startDate: '2025-12-01',
      endDate: '2025-12-05',
      halfDayStart: true,
    });
  });
});
