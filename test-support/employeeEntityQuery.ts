/**
 * A query that resolves the Employee references in `$reps` to `selection`, as the gateway's
 * query plan asks a subgraph for its part of an employee; `variables` declares the others.
 */
export const employeeEntityQuery = (variables: string, selection: string): string =>
  `query ($reps: [_Any!]!, ${variables}) {
  _entities(representations: $reps) { ... on Employee { ${selection} } }
}`;
