import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { AgreementsImportProgressDocument, type ImportProgressFragment } from '../../gql/graphql';
import { ProblemList } from '../../ui/Field';
import { Page } from '../../ui/Page';
import { QueryError } from '../../ui/QueryState';
import { ImportForm } from './ImportForm';
import { ImportReport } from './ImportReport';

const POLL_MS = 500;

/** HR's TAMS import: choose a file, check it or import it, follow it row by row, read the report. */
export default function ImportPage() {
  // The job is in the address, so a reload goes on following it.
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job');
  const setJobId = (id: string) => setParams({ job: id });
  return (
    <Page id="import" title="Import agreements">
      <ImportForm onStarted={setJobId} />
      {jobId && <ImportProgress key={jobId} id={jobId} />}
    </Page>
  );
}

/** Follows a job until it ends; the bar moves only as batches of rows are settled. */
function ImportProgress({ id }: { id: string }) {
  const { data, error, startPolling, stopPolling } = useQuery(AgreementsImportProgressDocument, {
    variables: { id },
  });
  const job = data?.agreementsImport;
  const running = !job || job.status === 'RUNNING';
  useEffect(() => {
    if (!running) return;
    startPolling(POLL_MS);
    return () => stopPolling();
  }, [running, startPolling, stopPolling]);
  return (
    <div className="card">
      <h2>{job?.dryRun ? 'Dry run' : 'Import'}</h2>
      <QueryError error={error} />
      {job && <ProgressView job={job} />}
      {job?.result && <ImportReport job={job} result={job.result} />}
    </div>
  );
}

function ProgressView({ job }: { job: ImportProgressFragment }) {
  const kind = job.dryRun ? 'Dry run' : 'Import';
  const rows = `${job.rowsDone} of ${job.rowsTotal} rows`;
  const said =
    job.status === 'RUNNING'
      ? `${kind} running: ${rows} done`
      : job.status === 'DONE'
        ? `${kind} done: ${rows}`
        : `${kind} stopped at ${rows}`;
  return (
    <>
      <progress max={Math.max(job.rowsTotal, 1)} value={job.rowsDone} aria-label="Rows done" />
      <p role="status" className="import-status">
        {said}
      </p>
      {job.failure && <ProblemList problems={[{ message: job.failure }]} />}
    </>
  );
}
