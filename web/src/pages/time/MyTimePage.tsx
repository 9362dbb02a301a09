import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useEmployeeId } from '../../app/AppContext';
import { TimecardDocument } from '../../gql/graphql';
import { Page } from '../../ui/Page';
import { addDays, localDate } from '../../ui/dates';
import { TimeEntries } from './TimeEntries';
import { TimeEntryForm } from './TimeEntryForm';
import type { Entry } from './timeDraft';

/** My time: the entries of a fortnight; record, amend and delete them. */
export default function MyTimePage() {
  const employeeId = useEmployeeId();
  const [weekStart, setWeekStart] = useState(() => addDays(localDate(), -13));
  const from = new Date(`${weekStart}T00:00:00`).toISOString();
  const to = new Date(`${addDays(weekStart, 14)}T00:00:00`).toISOString();
  const { data, refetch } = useQuery(TimecardDocument, { variables: { id: employeeId, from, to } });
  const [editing, setEditing] = useState<Entry | null>(null);
  return (
    <Page id="time" title="My time">
      <TimeEntryForm
        key={editing?.id ?? 'new'}
        employeeId={employeeId}
        entry={editing}
        onDone={() => {
          setEditing(null);
          void refetch();
        }}
      />
      <FortnightNav first={weekStart} onMove={setWeekStart} />
      <TimeEntries
        entries={data?.employee?.timeEntries ?? []}
        from={weekStart}
        onAmend={setEditing}
        onDeleted={() => void refetch()}
      />
    </Page>
  );
}

/** The two weeks shown, and the ones before and after. */
function FortnightNav({ first, onMove }: { first: string; onMove(first: string): void }) {
  return (
    <div className="pager">
      <button type="button" className="secondary" onClick={() => onMove(addDays(first, -14))}>
        Earlier
      </button>
      <span>
        {first} to {addDays(first, 13)}
      </span>
      <button type="button" className="secondary" onClick={() => onMove(addDays(first, 14))}>
        Later
      </button>
    </div>
  );
}
