import { useState } from 'react';
import { PublishShiftsForm } from './PublishShiftsForm';
import { PublishedShifts } from './PublishedShifts';
import { ReportChooser, type Person } from './ReportChooser';
import { usePersonZone } from './usePersonZone';

/** Schedules: publish a report's shifts, and see what is published for them. */
export default function SchedulesPage() {
  const [person, setPerson] = useState<Person | null>(null);
  return (
    <section aria-labelledby="schedules-title">
      <h1 id="schedules-title">Schedules</h1>
      <ReportChooser value={person} onChange={setPerson} />
      {/* A new person starts a fresh form. */}
      {person && <PersonSchedule key={person.id} person={person} />}
    </section>
  );
}

/** One person's shifts, in their time zone once it is known. */
function PersonSchedule({ person }: { person: Person }) {
  const zone = usePersonZone(person.id);
  if (!zone) return null;
  return (
    <div>
      <PublishShiftsForm person={person} zone={zone} />
      <PublishedShifts person={person} zone={zone} />
    </div>
  );
}
