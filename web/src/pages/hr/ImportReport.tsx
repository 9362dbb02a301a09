import type { ImportProgressFragment } from '../../gql/graphql';
import { CsvToolbar } from '../../ui/CsvToolbar';
import { DataTable } from '../../ui/DataTable';
import { Pager } from '../../ui/Pager';
import { useListPages } from '../../ui/useListPages';

const PAGE_SIZE = 50;
/** The API lists at most this many problems of one import. */
const MAX_LISTED = 1000;
type Result = NonNullable<ImportProgressFragment['result']>;

/** What an import did, and each row or column it did not take, by line of the file. */
export function ImportReport({ job, result }: { job: ImportProgressFragment; result: Result }) {
  const { rows, pager } = useListPages(result.errors, PAGE_SIZE);
  const would = job.dryRun ? 'would be ' : '';
  return (
    <>
      <p>
        {result.created} {would}created, {result.amended} {would}amended, {result.unchanged}{' '}
        unchanged, {result.rejected} rejected.
        {job.dryRun && ' Nothing was written.'}
      </p>
      {result.errors.length >= MAX_LISTED && (
        <p>The first {MAX_LISTED} problems are listed; fix them and check the file again.</p>
      )}
      <h3>Row report</h3>
      {result.errors.length === 0 ? (
        <p>Every row was taken.</p>
      ) : (
        <>
          <CsvToolbar
            filename={`tams-${job.dryRun ? 'dry-run' : 'import'}-report.csv`}
            rows={result.errors}
            columns={[
              { heading: 'Line', value: (e) => e.row },
              { heading: 'Field', value: (e) => e.column },
              { heading: 'Reason', value: (e) => e.message },
            ]}
          />
          <DataTable
            label="Rows not taken"
            rows={rows}
            rowKey={(e, index) => `${e.row}-${e.column}-${index}`}
            columns={[
              { heading: 'Line', cell: (e) => e.row },
              { heading: 'Field', cell: (e) => e.column ?? '(the whole row)' },
              { heading: 'Reason', cell: (e) => e.message },
            ]}
          />
          <Pager {...pager} />
        </>
      )}
    </>
  );
}
