import { Link } from 'react-router';
import { NO_PROBLEMS, problemsOf } from '../../api/problemsOf';
import {
  EmployeeDirectoryDocument,
  type EmployeeDirectoryQuery,
  type EmployeeStatus,
} from '../../gql/graphql';
import { ProblemList } from '../../ui/Field';
import { InputField } from '../../ui/InputField';
import { Page } from '../../ui/Page';
import { PagedTable } from '../../ui/PagedTable';
import { SearchForm } from '../../ui/SearchForm';
import { useFilters } from '../../ui/useFilters';
import { usePagedQuery } from '../../ui/usePagedQuery';
import { WithNote } from '../../ui/WithNote';
import { fieldColumns, type CsvColumn } from '../../ui/csv';
import { fullName } from '../../ui/fullName';
import { EMPLOYEE_STATUS_LABELS, labelledChoices, valuesOf } from '../../ui/enumLabels';
import { useDepartments } from './useDepartments';

type Employee = EmployeeDirectoryQuery['employees']['nodes'][number];

const CSV_COLUMNS: CsvColumn<Employee>[] = fieldColumns({
  Number: 'employeeNumber',
  'First name': 'firstName',
  'Last name': 'lastName',
  'E-mail': 'email',
  Department: 'department',
  'Job title': 'jobTitle',
  Status: 'status',
});

/** HR's directory: everyone, searched by name or e-mail, filtered by department and status. */
export default function DirectoryPage() {
  const { filters, bind, pages } = useFilters({ search: '', department: '', status: '' });
  const { search, department, status } = filters;
  const departments = useDepartments();
  const filter = {
    search: search.trim() || null,
    department: department.trim() || null,
    status: (status || null) as EmployeeStatus | null,
    includeTerminated: status === 'TERMINATED',
  };
  const { list, error } = usePagedQuery(EmployeeDirectoryDocument, (d) => d.employees, {
    variables: { filter },
    pages,
  });
  const problems = error ? problemsOf(error, ['search', 'department', 'status']) : NO_PROBLEMS;
  return (
    <Page id="directory" title="Directory">
      <p>
        <Link to="/hr/onboard">Onboard someone</Link>
      </p>
      <SearchForm problems={problems}>
        <InputField label="Search" {...bind('search')} />
        <InputField label="Department" {...bind('department')} options={['', ...departments]} />
        <InputField
          label="Status"
          {...bind('status')}
          options={labelledChoices(EMPLOYEE_STATUS_LABELS, [
            '',
            ...valuesOf(EMPLOYEE_STATUS_LABELS),
          ])}
        />
      </SearchForm>
      <ProblemList problems={problems.general} />
      <PagedTable
        label="Employees"
        {...list}
        csv={{ filename: 'directory.csv', columns: CSV_COLUMNS }}
        columns={[
          {
            heading: 'Name',
            cell: (e) => (
              <WithNote note={e.email}>
                <Link to={`/hr/employees/${e.id}`}>{fullName(e)}</Link>
              </WithNote>
            ),
          },
          { heading: 'Number', cell: (e) => e.employeeNumber },
          { heading: 'Department', cell: (e) => e.department },
          { heading: 'Job title', cell: (e) => e.jobTitle },
          { heading: 'Status', cell: (e) => EMPLOYEE_STATUS_LABELS[e.status] },
        ]}
      />
    </Page>
  );
}
