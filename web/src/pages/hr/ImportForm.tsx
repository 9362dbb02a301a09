import { useMutation } from '@apollo/client/react';
import { print } from 'graphql';
import { useState } from 'react';
import { problemsOf, type Problems } from '../../api/problemsOf';
import {
  StartAgreementsImportDocument,
  type ImportAgreementsInput,
  type ImportFormat,
} from '../../gql/graphql';
import { CheckField } from '../../ui/CheckField';
import { Field } from '../../ui/Field';
import { Form, FormActions, SubmitButton } from '../../ui/Form';
import { useMutationForm } from '../../ui/useMutationForm';

/**
 * The gateway's limit on a request's body (GATEWAY_MAX_BODY_BYTES, 1 MiB by default). The
 * file goes as a JSON string inside that body, so the bound is on the encoded request, not
 * on the file: a quote or a line break takes two bytes once encoded.
 */
const MAX_REQUEST_BYTES = 1024 * 1024;
/** Room for what Apollo adds beside the operation and its variables (extensions naming it). */
const ENVELOPE_RESERVE = 1024;
/** The fields a refusal of the file may name. */
const FILE_FIELDS = ['content', 'input.content', 'format'];

const formatOf = (name: string): ImportFormat =>
  /\.(jsonl|ndjson)$/i.test(name) ? 'JSONL' : 'CSV';

const kib = (bytes: number) => Math.ceil(bytes / 1024).toLocaleString('en-GB');

/** The request's body in UTF-8 bytes, as HttpLink will send it, with room for its extensions. */
function requestBytes(input: ImportAgreementsInput): number {
  const body = JSON.stringify({
    operationName: 'StartAgreementsImport',
    variables: { input },
    query: print(StartAgreementsImportDocument),
  });
  return new TextEncoder().encode(body).length + ENVELOPE_RESERVE;
}

/** A file whose request would be over the gateway's limit, refused here rather than sent. */
class FileTooLarge extends Error {
  constructor(file: File, bytes: number) {
    super(
      `${file.name} makes a request of ${kib(bytes)} KiB once encoded (each quote and line ` +
        `break counts twice); one import takes at most ${kib(MAX_REQUEST_BYTES)} KiB. Split the file.`,
    );
  }
}

/** The import's input, or a refusal when its request would be too large to send. */
async function inputOf(file: File, dryRun: boolean): Promise<ImportAgreementsInput> {
  // Encoding only drops a BOM (3 bytes, less than the operation around the text), so a file
  // over the limit cannot fit and is refused unread.
  if (file.size > MAX_REQUEST_BYTES) throw new FileTooLarge(file, file.size);
  const input = { format: formatOf(file.name), content: await file.text(), dryRun };
  const bytes = requestBytes(input);
  if (bytes > MAX_REQUEST_BYTES) throw new FileTooLarge(file, bytes);
  return input;
}

const importProblems = (caught: unknown): Problems =>
  caught instanceof FileTooLarge
    ? { byField: { content: { message: caught.message, field: 'content' } }, general: [] }
    : problemsOf(caught, FILE_FIELDS);

/** Chooses a TAMS file and starts its import, or a dry run that only checks it. */
export function ImportForm({ onStarted }: { onStarted(id: string): void }) {
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [start] = useMutation(StartAgreementsImportDocument);
  const form = useMutationForm(async () => {
    if (!file) return;
    const result = await start({ variables: { input: await inputOf(file, dryRun) } });
    if (result.data) onStarted(result.data.startAgreementsImport.id);
  }, importProblems);
  const fileProblem = FILE_FIELDS.map((f) => form.problems.byField[f]).find(Boolean);
  return (
    <Form label="Agreements import" form={form} heading="none">
      <Field
        label="TAMS file"
        problem={fileProblem}
        hint="CSV with a header row, or JSON lines (.jsonl); at most 1,024 KiB as sent, where each quote and line break counts twice. Rows are matched on employee number and start date."
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
      <CheckField
        label="Dry run: check every row and report, write nothing"
        checked={dryRun}
        onChange={setDryRun}
      />
      <FormActions toolbar>
        <SubmitButton disabled={!file}>{dryRun ? 'Check the file' : 'Import'}</SubmitButton>
      </FormActions>
    </Form>
  );
}
