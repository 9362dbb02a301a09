import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { NO_PROBLEMS, problemsOf } from '../../api/problemsOf';
import { DayAttendanceDocument } from '../../gql/graphql';
import { ProblemList } from '../../ui/Field';
import { InputField } from '../../ui/InputField';
import { DayEntries, type Entry } from './DayEntries';
import { ManualEntryForm } from './ManualEntryForm';
import { todayIn } from './localTimes';
import { ReportChooser, type Person } from './ReportChooser';
import { usePersonZone } from './usePersonZone';

/** Manual attendance: a report's entries of a day, and a manual entry or a correction. */
export default function ManualAttendancePage() {
  const [person, setPerson] = useState<Person | null>(null);
  return (
    <section aria-labelledby="manual-title">
      <h1 id="manual-title">Manual attendance</h1>
      <ReportChooser value={person} onChange={setPerson} />
      {person && <PersonZoned key={person.id} person={person} />}
    </section>
  );
}

/** A person's day once their time zone is known: the day and times are theirs. */
function PersonZoned({ person }: { person: Person }) {
  const zone = usePersonZone(person.id);
  return zone ? <PersonDay person={person} zone={zone} /> : null;
}

function PersonDay({ person, zone }: { person: Person; zone: string }) {
  const [day, setDay] = useState(todayIn(zone));
  const [correcting, setCorrecting] = useState<Entry | null>(null);
  // Each entry recorded starts the form afresh.
  const [recorded, setRecorded] = useState(0);
  const { data, error } = useQuery(DayAttendanceDocument, {
    skip: !day,
    variables: { id: person.id, day },
  });
  const problems = error ? problemsOf(error, ['from', 'to']) : NO_PROBLEMS;
  return (
    <>
      <div className="card">
        <h2>Entries of {person.name}</h2>
        <InputField
          label="Day"
          name="from"
          type="date"
          value={day}
          onChange={(value) => {
            setDay(value);
            setCorrecting(null);
          }}
          problems={problems}
        />
        <ProblemList problems={problems.general} />
        {recorded > 0 && (
          <p role="status">
            Recorded {recorded} {recorded === 1 ? 'entry' : 'entries'} for {person.name}.
          </p>
        )}
        <DayEntries
          entries={data?.employee?.attendanceEntries ?? []}
          loaded={!!data}
          zone={zone}
          onCorrect={setCorrecting}
        />
      </div>
      <ManualEntryForm
        key={`${day}-${correcting?.id ?? 'new'}-${recorded}`}
        person={person}
        zone={zone}
        day={day}
        correcting={correcting}
        onCancel={() => setCorrecting(null)}
        onRecorded={(date) => {
          setCorrecting(null);
          setDay(date);
          setRecorded((count) => count + 1);
        }}
      />
    </>
  );
}
