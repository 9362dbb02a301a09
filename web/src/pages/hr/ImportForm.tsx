import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { problemsOf, type Problems } from '../../api/problemsOf';
import { StartAgreementsImportDocument, type ImportFormat } from '../../gql/graphql';
import { CheckField } from '../../ui/CheckField';
import { Field } from '../../ui/Field';
import { Form, FormActions, SubmitButton } from '../../ui/Form';
import { useMutationForm } from '../../ui/useMutationForm';

/** What one import takes: the API's limit on the file's text and on a request's body. */
const MAX_BYTES = 1_000_000;
/** The fields a refusal of the file may name. */
const FILE_FIELDS = ['content', 'input.content', 'format'];

const formatOf = (name: string): ImportFormat =>
  /\.(jsonl|ndjson)$/i.test(name) ? 'JSONL' : 'CSV';

/** A file over the limit, refused here rather than sent. */
class FileTooLarge extends Error {
  constructor(file: File) {
    super(
      `${file.name} is ${Math.ceil(file.size / 1000)} kB; one import takes at most 1,000 kB. Split the file.`,
    );
  }
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
    if (file.size > MAX_BYTES) throw new FileTooLarge(file);
    const content = await file.text();
    const result = await start({
      variables: { input: { format: formatOf(file.name), content, dryRun } },
    });
    if (result.data) onStarted(result.data.startAgreementsImport.id);
  }, importProblems);
  const fileProblem = FILE_FIELDS.map((f) => form.problems.byField[f]).find(Boolean);
  return (
    <Form label="Agreements import" form={form} heading="none">
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
