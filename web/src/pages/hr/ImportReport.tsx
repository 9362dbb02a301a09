import { useState } from 'react';
import type { ImportProgressFragment } from '../../gql/graphql';
import { CsvButton } from '../../ui/CsvButton';
import { Pager } from '../../ui/Pager';

const PAGE_SIZE = 50;
/** The API lists at most this many problems of one import. */
const MAX_LISTED = 1000;
type Result = NonNullable<ImportProgressFragment['result']>;

/** What an import did, and each row or column it did not take, by line of the file. */
export function ImportReport({ job, result }: { job: ImportProgressFragment; result: Result }) {
  const [page, setPage] = useState(0);
  const rows = result.errors.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
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
          <div className="toolbar">
            <CsvButton
              filename={`tams-${job.dryRun ? 'dry-run' : 'import'}-report.csv`}
              rows={result.errors}
              columns={[
                { heading: 'Line', value: (e) => e.row },
                { heading: 'Field', value: (e) => e.column },
                { heading: 'Reason', value: (e) => e.message },
              ]}
            />
          </div>
          <table aria-label="Rows not taken">
            <thead>
              <tr>
                <th>Line</th>
                <th>Field</th>
                <th>Reason</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e, index) => (
                <tr key={`${e.row}-${e.column}-${index}`}>
                  <td>{e.row}</td>
                  <td>{e.column ?? '(the whole row)'}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            totalCount={result.errors.length}
            hasNext={(page + 1) * PAGE_SIZE < result.errors.length}
            hasPrevious={page > 0}
            onNext={() => setPage((p) => p + 1)}
            onPrevious={() => setPage((p) => Math.max(p - 1, 0))}
          />
        </>
      )}
    </>
  );
}
