import type { TrainingRowFragment, TrainingStatus } from '../../gql/graphql';
import { fieldColumns, type CsvColumn } from '../../ui/csv';
import { TRAINING_STATUS_LABELS } from '../../ui/enumLabels';

export const statusLabel = (status: TrainingStatus) => TRAINING_STATUS_LABELS[status];

/** An assignment's columns in an export, one's own or a team member's. */
export const TRAINING_CSV_COLUMNS: CsvColumn<TrainingRowFragment>[] = [
  { heading: 'Course', value: (t) => t.course.code },
  { heading: 'Title', value: (t) => t.course.title },
  ...fieldColumns({
    Due: 'dueDate',
    Completed: 'completedOn',
    'Valid until': 'expiresOn',
    Status: 'status',
  }),
];

/** The day it must be done by next: the due date until completed, then the renewal date. */
export const fallsDue = (t: TrainingRowFragment) => (t.completedOn ? t.expiresOn : t.dueDate);

/** Assignments that still want doing (not completed, or completed and running out), soonest first. */
export function openItems(list: readonly TrainingRowFragment[]): TrainingRowFragment[] {
  return list
    .filter((t) => t.status !== 'COMPLETED' && fallsDue(t))
    .sort((a, b) => fallsDue(a)!.localeCompare(fallsDue(b)!));
}

/** A row's attributes: marked when the training is overdue. */
export const overdueRow = (t: { status: TrainingStatus }) => ({
  className: t.status === 'OVERDUE' ? 'overdue' : undefined,
});

/** A course by its title, its code beside it. */
export function CourseName({ course }: { course: { title: string; code: string } }) {
  return (
    <>
      {course.title} <small>({course.code})</small>
    </>
  );
}
