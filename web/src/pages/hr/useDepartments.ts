import { useQuery } from '@apollo/client/react';
import { DepartmentsDocument } from '../../gql/graphql';

/**
 * The departments people work in (not the terminated), alphabetical: what a department field
 * offers, as a select's choices or an input's suggestions. Empty until read, and when the
 * read fails, so the field still takes what is typed or leaves the filter at "(any)".
 */
export function useDepartments(): string[] {
  // Read again on each page: a hire or a change may have made a department since.
  const { data } = useQuery(DepartmentsDocument, { fetchPolicy: 'cache-and-network' });
  return data?.departments ?? [];
}
