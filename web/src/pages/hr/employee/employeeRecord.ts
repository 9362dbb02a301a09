import type { EmployeeRecordQuery } from '../../../gql/graphql';

/** The person as HR's record page reads them. */
export type EmployeeRecord = NonNullable<EmployeeRecordQuery['employee']>;

/** What each of the record's forms is given: the person, and what to do once it has saved. */
export interface RecordFormProps {
  employee: EmployeeRecord;
  onSaved(): void;
}
