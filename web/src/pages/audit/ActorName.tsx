import { useQuery } from '@apollo/client/react';
import { ActorNameDocument } from '../../gql/graphql';
import { fullName } from '../../ui/fullName';
import { WithNote } from '../../ui/WithNote';

/** A service's actor id is `service:<name>`; anything else may be an employee's id. */
const mayBeEmployee = (actorId: string) => !actorId.startsWith('service:');

/**
 * Who made a change: a person by name, their id under it (what the Actor filter takes); a
 * service, or an id that names nobody, as it is. Each actor is read once, however many rows.
 */
export function ActorName({ actorId }: { actorId: string | null | undefined }) {
  const { data } = useQuery(ActorNameDocument, {
    skip: !actorId || !mayBeEmployee(actorId),
    variables: { id: actorId ?? '' },
  });
  if (!actorId) return '–';
  const person = data?.employee;
  return person ? <WithNote note={actorId}>{fullName(person)}</WithNote> : actorId;
}
