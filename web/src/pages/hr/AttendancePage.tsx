import { Page } from '../../ui/Page';
import { MonthlyAttendance } from './MonthlyAttendance';
import { ProcessDayForm } from './ProcessDayForm';

/** Attendance for HR: process a day's check-ins, and everyone's summary of a month. */
export default function AttendancePage() {
  return (
    <Page id="attendance" title="Attendance">
      <ProcessDayForm />
      <MonthlyAttendance />
    </Page>
  );
}
