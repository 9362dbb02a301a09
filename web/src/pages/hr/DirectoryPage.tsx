import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { problemsOf, NO_PROBLEMS } from '../../api/problemsOf';
import { EmployeeDirectoryDocument, type EmployeeStatus } from '../../gql/graphql';
import { CsvButton } from '../../ui/CsvButton';
import { ProblemList } from '../../ui/Field';
import { InputField } from '../../ui/InputField';
import { Pager } from '../../ui/Pager';
import { usePages } from '../../ui/usePages';

const PAGE_SIZE = 20;
export const STATUSES = ['ACTIVE', 'INACTIVE', 'ON_LEAVE', 'TERMINATED'] as const;

/** HR's directory: everyone, searched by name or e-mail, filtered by department and status. */
export default function DirectoryPage() {
  const pages = usePages();
  const [search, setSearch] = useState('');
  const [department, setDepartment] = useState('');
  const [status, setStatus] = useState('');
  const filter = {
    search: search.trim() || null,
    department: department.trim() || null,
    status: (status || null) as EmployeeStatus | null,
    includeTerminated: status === 'TERMINATED',
  };
  const { data, error } = useQuery(EmployeeDirectoryDocument, {
    variables: { first: PAGE_SIZE, after: pages.after, filter },
  });
  const problems = error ? problemsOf(error, ['search', 'department', 'status']) : NO_PROBLEMS;
  const list = data?.employees;
  const change = (set: (value: string) => void) => (value: string) => {
    set(value);
    pages.reset();
  };
  return (
    <section aria-labelledby="directory-title">
      <h1 id="directory-title">Directory</h1>
      <p>
        <Link to="/hr/onboard">Onboard someone</Link>
      </p>
      <form className="card filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <InputField
          label="Search"
          name="search"
          value={search}
          onChange={change(setSearch)}
          problems={problems}
        />
        <InputField
          label="Department"
          name="department"
          value={department}
          onChange={change(setDepartment)}
          problems={problems}
        />
        <InputField
          label="Status"
          name="status"
          value={status}
          onChange={change(setStatus)}
          problems={problems}
          options={['', ...STATUSES]}
        />
      </form>
      <ProblemList problems={problems.general} />
      <div className="toolbar">
        <CsvButton
          filename="directory.csv"
          rows={list?.nodes ?? []}
          columns={[
            { heading: 'Number', value: (e) => e.employeeNumber },
            { heading: 'First name', value: (e) => e.firstName },
            { heading: 'Last name', value: (e) => e.lastName },
            { heading: 'E-mail', value: (e) => e.email },
            { heading: 'Department', value: (e) => e.department },
            { heading: 'Job title', value: (e) => e.jobTitle },
            { heading: 'Status', value: (e) => e.status },
          ]}
        />
      </div>
      <table aria-label="Employees">
        <thead>
          <tr>
            <th>Name</th>
            <th>Number</th>
            <th>Department</th>
            <th>Job title</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {list?.nodes.map((e) => (
            <tr key={e.id}>
              <td>
                <Link to={`/hr/employees/${e.id}`}>
                  {e.firstName} {e.lastName}
                </Link>
                <br />
                <small>{e.email}</small>
              </td>
              <td>{e.employeeNumber}</td>
              <td>{e.department}</td>
              <td>{e.jobTitle}</td>
              <td>{e.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager
        totalCount={list?.totalCount}
        hasNext={list?.pageInfo.hasNextPage ?? false}
        hasPrevious={pages.hasPrevious}
        onNext={() => pages.next(list?.pageInfo.endCursor)}
        onPrevious={pages.previous}
      />
    </section>
  );
}
