import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { NO_PROBLEMS, problemsOf, type Problems } from '../../api/problemsOf';
import {
  CreateGradeDocument,
  GradeListDocument,
  RateCardsOfDocument,
  SetGradeRateCardDocument,
} from '../../gql/graphql';
import { CsvButton } from '../../ui/CsvButton';
import { ProblemList } from '../../ui/Field';
import { InputField } from '../../ui/InputField';
import { Pager } from '../../ui/Pager';
import { localDate } from '../../ui/dates';
import { formatMoney, toMinor } from '../../ui/money';
import { usePages } from '../../ui/usePages';

const PAGE_SIZE = 20;

/** Grades and their rate cards: a new grade, and a new rate from a day on. */
export default function GradesPage() {
  const pages = usePages();
  const { data, error, refetch } = useQuery(GradeListDocument, {
    variables: { first: PAGE_SIZE, after: pages.after, includeRetired: true },
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const list = data?.grades;
  return (
    <section aria-labelledby="grades-title">
      <h1 id="grades-title">Grades and rate cards</h1>
      {error && <ProblemList problems={problemsOf(error).general} />}
      <NewGradeForm onMade={() => void refetch()} />
      <div className="toolbar">
        <CsvButton
          filename="grades.csv"
          rows={list?.nodes ?? []}
          columns={[
            { heading: 'Code', value: (g) => g.code },
            { heading: 'Description', value: (g) => g.description },
            { heading: 'Holders', value: (g) => g.holderCount },
            { heading: 'Rated from', value: (g) => g.ratedFrom },
            { heading: 'Retired', value: (g) => g.retired },
          ]}
        />
      </div>
      <table aria-label="Grades">
        <thead>
          <tr>
            <th>Code</th>
            <th>Description</th>
            <th>Holders</th>
            <th>Rated from</th>
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list?.nodes.map((g) => (
            <tr key={g.code}>
              <td>
                {g.code}
                {g.retired && ' (retired)'}
                {!g.defined && ' (not defined yet)'}
              </td>
              <td>{g.description ?? '–'}</td>
              <td>{g.holderCount}</td>
              <td>{g.ratedFrom ?? 'no rate'}</td>
              <td>
                <button type="button" className="secondary" onClick={() => setChosen(g.code)}>
                  Rates of {g.code}
                </button>
              </td>
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
      {chosen && <RateCards key={chosen} grade={chosen} onSet={() => void refetch()} />}
    </section>
  );
}

function NewGradeForm({ onMade }: { onMade(): void }) {
  const [code, setCode] = useState('');
  const [description, setDescription] = useState('');
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [create, { loading }] = useMutation(CreateGradeDocument);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblems(NO_PROBLEMS);
    try {
      await create({ variables: { input: { code, description: description || null } } });
      setCode('');
      setDescription('');
      onMade();
    } catch (caught) {
      setProblems(problemsOf(caught, ['code', 'description']));
    }
  }
  return (
    <form className="card" aria-label="New grade" onSubmit={(e) => void submit(e)}>
      <h2>New grade</h2>
      <div className="filters">
        <InputField
          label="Code"
          name="code"
          value={code}
          onChange={setCode}
          problems={problems}
          required
        />
        <InputField
          label="Description"
          name="description"
          value={description}
          onChange={setDescription}
          problems={problems}
        />
      </div>
      <ProblemList problems={problems.general} />
      <button type="submit" disabled={loading}>
        Add grade
      </button>
    </form>
  );
}

function RateCards({ grade, onSet }: { grade: string; onSet(): void }) {
  const { data, error, refetch } = useQuery(RateCardsOfDocument, { variables: { grade } });
  const cards = data?.rateCards ?? [];
  return (
    <div className="card">
      <h2>Rate cards of {grade}</h2>
      {error && <ProblemList problems={problemsOf(error).general} />}
      <div className="toolbar">
        <CsvButton
          filename={`rate-cards-${grade}.csv`}
          rows={cards}
          columns={[
            { heading: 'From', value: (c) => c.effectiveFrom },
            { heading: 'Kind', value: (c) => c.kind },
            { heading: 'Base hourly (minor)', value: (c) => c.baseHourlyRate.amountMinor },
            { heading: 'Currency', value: (c) => c.baseHourlyRate.currency },
            { heading: 'Overtime ×', value: (c) => c.overtimeMultiplier },
            { heading: 'Night ×', value: (c) => c.nightMultiplier },
            { heading: 'Public holiday ×', value: (c) => c.publicHolidayMultiplier },
            { heading: 'Correction', value: (c) => c.correctionReason },
          ]}
        />
      </div>
      <table aria-label={`Rate cards of ${grade}`}>
        <thead>
          <tr>
            <th>From</th>
            <th>Kind</th>
            <th>Base hourly</th>
            <th>Overtime ×</th>
            <th>Night ×</th>
            <th>Holiday ×</th>
          </tr>
        </thead>
        <tbody>
          {cards.map((c) => (
            <tr key={c.id}>
              <td>{c.effectiveFrom}</td>
              <td>
                {c.kind}
                {c.correctionReason && <small> ({c.correctionReason})</small>}
              </td>
              <td>{formatMoney(c.baseHourlyRate)}</td>
              <td>{c.overtimeMultiplier}</td>
              <td>{c.nightMultiplier}</td>
              <td>{c.publicHolidayMultiplier}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <SetRateForm
        grade={grade}
        onSet={() => {
          void refetch();
          onSet();
        }}
      />
    </div>
  );
}

const RATE_FIELDS = [
  'effectiveFrom',
  'baseHourlyRate',
  'overtimeMultiplier',
  'nightMultiplier',
  'publicHolidayMultiplier',
  'correctionReason',
];

function SetRateForm({ grade, onSet }: { grade: string; onSet(): void }) {
  const [draft, setDraft] = useState({
    effectiveFrom: localDate(),
    baseHourlyRate: '',
    currency: 'GBP',
    overtimeMultiplier: '1.5',
    nightMultiplier: '1.3',
    publicHolidayMultiplier: '2',
    correctionReason: '',
  });
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [done, setDone] = useState<string | null>(null);
  const [set, { loading }] = useMutation(SetGradeRateCardDocument);
  const change = (field: keyof typeof draft) => (value: string) =>
    setDraft((d) => ({ ...d, [field]: value }));
  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblems(NO_PROBLEMS);
    setDone(null);
    try {
      const result = await set({
        variables: {
          input: {
            grade,
            effectiveFrom: draft.effectiveFrom,
            baseHourlyRate: {
              amountMinor: toMinor(draft.baseHourlyRate),
              currency: draft.currency,
            },
            overtimeMultiplier: Number(draft.overtimeMultiplier),
            nightMultiplier: Number(draft.nightMultiplier),
            publicHolidayMultiplier: Number(draft.publicHolidayMultiplier),
            correctionReason: draft.correctionReason || null,
          },
        },
      });
      const card = result.data?.setRateCard;
      setDone(
        card
          ? `Set (${card.kind}): ${card.postedTransactions} costs posted, ${card.reversedTransactions} reversed.`
          : 'Set.',
      );
      onSet();
    } catch (caught) {
      const found = problemsOf(caught);
      // The rate's amount is reported as baseHourlyRate.amountMinor or .currency.
      for (const [name, problem] of Object.entries(found.byField)) {
        const bare = name.replace(/^input\./, '').split('.')[0];
        found.byField[bare] ??= problem;
      }
      setProblems({
        byField: found.byField,
        general: [
          ...found.general,
          ...Object.entries(found.byField)
            .filter(([name]) => !RATE_FIELDS.includes(name.replace(/^input\./, '').split('.')[0]))
            .map(([, p]) => p),
        ],
      });
    }
  }
  return (
    <form aria-label="New rate" onSubmit={(e) => void submit(e)}>
      <h3>New rate</h3>
      <div className="grid">
        <InputField
          label="From"
          name="effectiveFrom"
          type="date"
          value={draft.effectiveFrom}
          onChange={change('effectiveFrom')}
          problems={problems}
        />
        <InputField
          label="Base hourly rate"
          name="baseHourlyRate"
          type="number"
          value={draft.baseHourlyRate}
          onChange={change('baseHourlyRate')}
          problems={problems}
          required
        />
        <InputField
          label="Currency"
          name="currency"
          value={draft.currency}
          onChange={change('currency')}
          problems={problems}
        />
        <InputField
          label="Overtime multiplier"
          name="overtimeMultiplier"
          type="number"
          value={draft.overtimeMultiplier}
          onChange={change('overtimeMultiplier')}
          problems={problems}
        />
        <InputField
          label="Night multiplier"
          name="nightMultiplier"
          type="number"
          value={draft.nightMultiplier}
          onChange={change('nightMultiplier')}
          problems={problems}
        />
        <InputField
          label="Public holiday multiplier"
          name="publicHolidayMultiplier"
          type="number"
          value={draft.publicHolidayMultiplier}
          onChange={change('publicHolidayMultiplier')}
          problems={problems}
        />
        <InputField
          label="Correction reason (for a change to a costed past)"
          name="correctionReason"
          value={draft.correctionReason}
          onChange={change('correctionReason')}
          problems={problems}
        />
      </div>
      <ProblemList problems={problems.general} />
      {done && <p role="status">{done}</p>}
      <button type="submit" disabled={loading}>
        Set rate
      </button>
    </form>
  );
}
