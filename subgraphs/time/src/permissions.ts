import { createManagerWriteCheck, createOwnWriteCheck, createReadCheck } from '../../../runtime';
import { forbidden } from './errors';

/** Reading time and schedules: self, managers above (direct or indirect), HR, ADMIN, SYSTEM. */
export const assertCanReadTime = createReadCheck(
  () => forbidden("You may not read this employee's time."),
  'HR',
  'SYSTEM',
);

/** Recording, amending, deleting: one's own time; HR, ADMIN and SYSTEM anyone's. */
export const assertCanWriteTime = createOwnWriteCheck(
  () => forbidden('You may record and change only your own time.'),
  'HR',
  'SYSTEM',
);

/** Publishing a schedule: a MANAGER for their reports; HR and ADMIN for anyone. */
export const assertCanPublishSchedule = createManagerWriteCheck(
  () => forbidden('Only HR, or a manager of the employee, may publish their schedule.'),
  'HR',
);
