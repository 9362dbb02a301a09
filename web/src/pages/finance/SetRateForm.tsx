import { useMutation } from '@apollo/client/react';
import { problemsOf, type Problems } from '../../api/problemsOf';
import { SetGradeRateCardDocument } from '../../gql/graphql';
import { Form, FormActions, SubmitButton } from '../../ui/Form';
import { InputFields, type FieldSpec } from '../../ui/InputFields';
import { localDate } from '../../ui/dates';
import { toMinor } from '../../ui/money';
import { useDraft } from '../../ui/useDraft';
import { useMutationForm } from '../../ui/useMutationForm';

type RateKey =
  | 'effectiveFrom'
  | 'baseHourlyRate'
  | 'currency'
  | 'overtimeMultiplier'
  | 'nightMultiplier'
  | 'publicHolidayMultiplier'
  | 'correctionReason';
type RateDraft = { [K in RateKey]: string };

const RATE_INPUTS: readonly FieldSpec<RateKey>[] = [
  { key: 'effectiveFrom', label: 'From', type: 'date' },
  { key: 'baseHourlyRate', label: 'Base hourly rate', type: 'number', required: true },
  { key: 'currency', label: 'Currency' },
  { key: 'overtimeMultiplier', label: 'Overtime multiplier', type: 'number' },
  { key: 'nightMultiplier', label: 'Night multiplier', type: 'number' },
  { key: 'publicHolidayMultiplier', label: 'Public holiday multiplier', type: 'number' },
  { key: 'correctionReason', label: 'Correction reason (for a change to a costed past)' },
];

/** The input fields a refusal may name beside the form's fields. */
const RATE_FIELDS = [
  'effectiveFrom',
  'baseHourlyRate',
  'overtimeMultiplier',
  'nightMultiplier',
  'publicHolidayMultiplier',
  'correctionReason',
];

/** The rate's amount is reported as baseHourlyRate.amountMinor or .currency: beside the amount. */
function rateProblems(caught: unknown): Problems {
  const found = problemsOf(caught);
  const fieldOf = (name: string) => name.replace(/^input\./, '').split('.')[0];
  for (const [name, problem] of Object.entries(found.byField))
    found.byField[fieldOf(name)] ??= problem;
  return {
    byField: found.byField,
    general: [
      ...found.general,
      ...Object.entries(found.byField)
        .filter(([name]) => !RATE_FIELDS.includes(fieldOf(name)))
        .map(([, p]) => p),
    ],
  };
}

const rateInputOf = (grade: string, draft: RateDraft) => ({
  grade,
  effectiveFrom: draft.effectiveFrom,
  baseHourlyRate: { amountMinor: toMinor(draft.baseHourlyRate), currency: draft.currency },
  overtimeMultiplier: Number(draft.overtimeMultiplier),
  nightMultiplier: Number(draft.nightMultiplier),
  publicHolidayMultiplier: Number(draft.publicHolidayMultiplier),
  correctionReason: draft.correctionReason || null,
});

/** A new rate for the grade from a day on; a change to a costed past posts its corrections. */
export function SetRateForm({ grade, onSet }: { grade: string; onSet(): void }) {
  const rate = useDraft<RateDraft>({
    effectiveFrom: localDate(),
    baseHourlyRate: '',
    currency: 'GBP',
    overtimeMultiplier: '1.5',
    nightMultiplier: '1.3',
    publicHolidayMultiplier: '2',
    correctionReason: '',
  });
  const [set] = useMutation(SetGradeRateCardDocument);
  const form = useMutationForm(async () => {
    const result = await set({ variables: { input: rateInputOf(grade, rate.draft) } });
    const card = result.data?.setRateCard;
    onSet();
    return card
      ? `Set (${card.kind}): ${card.postedTransactions} costs posted, ${card.reversedTransactions} reversed.`
      : 'Set.';
  }, rateProblems);
  return (
    <Form label="New rate" form={form} heading="h3" card={false}>
      <InputFields fields={RATE_INPUTS} values={rate} />
      <FormActions>
        <SubmitButton>Set rate</SubmitButton>
      </FormActions>
    </Form>
  );
}
