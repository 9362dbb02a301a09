import { fullName } from '../../ui/fullName';
import { WithNote } from '../../ui/WithNote';

/** An entry's actor as the log reads it: the person when an employee, else the raw id. */
interface Actor {
  actorId?: string | null;
  actor?: { firstName: string; lastName: string } | null;
}

/**
 * Who made a change: a person by name, their id under it (what the Actor filter takes); a
 * service, or an id whose record cannot be read, as it is. The names come with the page.
 */
export function ActorName({ entry }: { entry: Actor }) {
  if (!entry.actorId) return '–';
  return entry.actor ? (
    <WithNote note={entry.actorId}>{fullName(entry.actor)}</WithNote>
  ) : (
    entry.actorId
  );
}
