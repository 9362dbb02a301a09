import type { EmployeeRecordQuery } from '../../../gql/graphql';

/** The person as HR's record page reads them. */
export type EmployeeRecord = NonNullable<EmployeeRecordQuery['employee']>;

/** What each of the record's forms is given: the person, and what to do once it has saved. */
export interface RecordFormProps {
  employee: EmployeeRecord;
  onSaved(): void;
}

/** A change to the record as it was read: the server refuses it if the record changed since. */
export const changeOf = <T extends object>(employee: EmployeeRecord, change: T) => ({
  variables: { input: { id: employee.id, expectedVersion: employee.version, ...change } },
});

/** What a terminated person's record says: nothing on it changes any more. */
export const KEPT_AS_HISTORY =
  'Employment has ended: the record is kept as history and no longer changes.';
