import { useQuery } from '@apollo/client/react';
import { PersonZoneDocument } from '../../gql/graphql';

/** The person's time zone once read (the server's default when their record has none). */
export function usePersonZone(id: string): string | undefined {
  const { data } = useQuery(PersonZoneDocument, { variables: { id } });
  if (!data) return undefined;
  return data.employee?.timeZone ?? 'Europe/London';
}
