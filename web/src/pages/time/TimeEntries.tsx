import { useMutation } from '@apollo/client/react';
import { DeleteTimeEntryDocument } from '../../gql/graphql';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ExportTable } from '../../ui/ExportTable';
import { formatDateTime } from '../../ui/dates';
import { ProblemList } from '../../ui/Field';
import { useRowActions } from '../../ui/useRowActions';
import { fieldColumns } from '../../ui/csv';
import { PERIOD_TYPE_LABELS, shiftKind } from '../../ui/enumLabels';
import type { Entry } from './timeDraft';

export interface TimeEntriesProps {
  entries: readonly Entry[];
  /** The fortnight's first day, naming the export. */
  from: string;
  onAmend(entry: Entry): void;
  onDeleted(): void;
}

/** A fortnight's entries, each to amend or delete. */
export function TimeEntries({ entries, from, onAmend, onDeleted }: TimeEntriesProps) {
  const [removeEntry] = useMutation(DeleteTimeEntryDocument);
  const actions = useRowActions(onDeleted);
  const remove = (entry: Entry) =>
    actions.run(
      removeEntry({ variables: { input: { id: entry.id, expectedVersion: entry.version } } }),
    );
  return (
    <ExportTable
      label="Time entries"
      rows={entries}
      csv={{
        filename: `time-${from}.csv`,
        columns: fieldColumns({
          Type: 'periodType',
          Shift: 'shiftType',
          Start: 'startTime',
          End: 'endTime',
          'Meal break (min)': 'mealBreakMinutes',
        }),
      }}
      above={<ProblemList problems={actions.problems} />}
      empty="No entries in these two weeks."
      columns={[
        {
          heading: 'Type',
          cell: (e) =>
            `${PERIOD_TYPE_LABELS[e.periodType]}${e.shiftType ? ` (${shiftKind(e.shiftType)})` : ''}`,
        },
        { heading: 'Start', cell: (e) => formatDateTime(e.startTime) },
        { heading: 'End', cell: (e) => (e.endTime ? formatDateTime(e.endTime) : 'open') },
        { heading: 'Break', cell: (e) => `${e.mealBreakMinutes} min` },
      ]}
      actions={(e) => (
        <>
          <button type="button" className="secondary" onClick={() => onAmend(e)}>
            Amend
          </button>{' '}
          <ConfirmButton
            label="Delete"
            confirm={`Delete the entry of ${formatDateTime(e.startTime)}`}
            onConfirm={() => remove(e)}
          />
        </>
      )}
    />
  );
}
