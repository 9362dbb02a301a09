import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { NO_PROBLEMS, problemsOf, type Problems } from '../../api/problemsOf';
import {
  AgreementsImportProgressDocument,
  StartAgreementsImportDocument,
  type ImportFormat,
  type ImportProgressFragment,
} from '../../gql/graphql';
import { Field, ProblemList } from '../../ui/Field';
import { ImportReport } from './ImportReport';

/** What one import takes: the API's limit on the file's text and on a request's body. */
const MAX_BYTES = 1_000_000;
/** The fields a refusal of the file may name. */
const FILE_FIELDS = ['content', 'input.content', 'format'];
const POLL_MS = 500;

const formatOf = (name: string): ImportFormat =>
  /\.(jsonl|ndjson)$/i.test(name) ? 'JSONL' : 'CSV';

/** HR's TAMS import: choose a file, check it or import it, follow it row by row, read the report. */
export default function ImportPage() {
  // The job is in the address, so a reload goes on following it.
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job');
  const setJobId = (id: string) => setParams({ job: id });
  return (
    <section aria-labelledby="import-title">
      <h1 id="import-title">Import agreements</h1>
      <ImportForm onStarted={setJobId} />
      {jobId && <ImportProgress key={jobId} id={jobId} />}
    </section>
  );
}

function ImportForm({ onStarted }: { onStarted(id: string): void }) {
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [start, { loading }] = useMutation(StartAgreementsImportDocument);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setProblems(NO_PROBLEMS);
    if (file.size > MAX_BYTES) {
      const message = `${file.name} is ${Math.ceil(file.size / 1000)} kB; one import takes at most 1,000 kB. Split the file.`;
      setProblems({ byField: { content: { message, field: 'content' } }, general: [] });
      return;
    }
    try {
      const content = await file.text();
      const result = await start({
        variables: { input: { format: formatOf(file.name), content, dryRun } },
      });
      if (result.data) onStarted(result.data.startAgreementsImport.id);
    } catch (caught) {
      setProblems(problemsOf(caught, FILE_FIELDS));
    }
  }
  const fileProblem = FILE_FIELDS.map((f) => problems.byField[f]).find(Boolean);
  return (
    <form className="card" aria-label="Agreements import" onSubmit={(e) => void submit(e)}>
      <Field
        label="TAMS file"
        problem={fileProblem}
        hint="CSV with a header row, or JSON lines (.jsonl); at most 1,000 kB. Rows are matched on employee number and start date."
      >
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            type="file"
            accept=".csv,.jsonl,.ndjson,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <label>
        <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} /> Dry
        run: check every row and report, write nothing
      </label>
      <ProblemList problems={problems.general} />
      <div className="toolbar">
        <button type="submit" disabled={!file || loading}>
          {dryRun ? 'Check the file' : 'Import'}
        </button>
      </div>
    </form>
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
      {error && <ProblemList problems={problemsOf(error).general} />}
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
