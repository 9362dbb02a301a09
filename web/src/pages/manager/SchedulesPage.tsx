import { useState } from 'react';
import { PublishShiftsForm } from './PublishShiftsForm';
import { PublishedShifts } from './PublishedShifts';
import { ReportChooser, type Person } from './ReportChooser';

/** Schedules: publish a report's shifts, and see what is published for them. */
export default function SchedulesPage() {
  const [person, setPerson] = useState<Person | null>(null);
  return (
    <section aria-labelledby="schedules-title">
      <h1 id="schedules-title">Schedules</h1>
      <ReportChooser value={person} onChange={setPerson} />
      {person && (
        // A new person starts a fresh form.
        <div key={person.id}>
          <PublishShiftsForm person={person} />
          <PublishedShifts person={person} />
        </div>
      )}
    </section>
  );
}
