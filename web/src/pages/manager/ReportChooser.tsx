import { useQuery } from '@apollo/client/react';
import { useUser } from '../../app/AppContext';
import { TeamMembersDocument } from '../../gql/graphql';
import { SelectField } from '../../ui/SelectField';
import { fullName } from '../../ui/fullName';
import { ManagerPicker, type ManagerChoice } from '../hr/ManagerPicker';

export type Person = ManagerChoice;

export interface ReportChooserProps {
  value: Person | null;
  onChange(person: Person | null): void;
}

/**
 * The person a page acts for: a manager picks one of their reports; HR and ADMIN, who may
 * act for anyone, find the person by name.
 */
export function ReportChooser({ value, onChange }: ReportChooserProps) {
  const user = useUser();
  if (user.role !== 'MANAGER')
    return (
      <ManagerPicker
        heading="Employee"
        label="Find an employee by name"
        value={value}
        onChange={onChange}
      />
    );
  return <ReportSelect managerId={user.employeeId ?? ''} value={value} onChange={onChange} />;
}

function ReportSelect({ managerId, value, onChange }: ReportChooserProps & { managerId: string }) {
  const { data } = useQuery(TeamMembersDocument, { variables: { managerId, first: 100 } });
  const people = (data?.employee?.reports.nodes ?? []).map((r) => ({
    id: r.id,
    name: fullName(r),
  }));
  return (
    <SelectField
      label="Employee"
      value={value?.id ?? ''}
      onChange={(id) => onChange(people.find((p) => p.id === id) ?? null)}
      placeholder="Choose one of your team"
      options={people.map((person) => ({ value: person.id, label: person.name }))}
    />
  );
}
