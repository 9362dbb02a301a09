import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { NO_PROBLEMS, problemsOf, type Problem, type Problems } from '../../api/problemsOf';
import {
  DeadLetterListDocument,
  DiscardDeadLetterDocument,
  ReplayDeadLetterDocument,
  type DeadLetterListQuery,
} from '../../gql/graphql';
import { CsvButton } from '../../ui/CsvButton';
import { formatDateTime, ProblemList } from '../../ui/Field';
import { InputField } from '../../ui/InputField';
import { Pager } from '../../ui/Pager';
import { usePages } from '../../ui/usePages';

const PAGE_SIZE = 20;
type DeadLetter = DeadLetterListQuery['deadLetters']['nodes'][number];

/** Events a consumer could not handle: replay each once fixed, or discard it with a reason. */
export default function DeadLettersPage() {
  const pages = usePages();
  const [consumer, setConsumer] = useState('');
  const [type, setType] = useState('');
  const { data, error, refetch } = useQuery(DeadLetterListDocument, {
    variables: {
      first: PAGE_SIZE,
      after: pages.after,
      consumer: consumer.trim() || null,
      type: type.trim() || null,
    },
  });
  const [outcome, setOutcome] = useState<string | null>(null);
  const problems = error ? problemsOf(error, ['consumer', 'type']) : NO_PROBLEMS;
  const list = data?.deadLetters;
  const done = (message: string) => {
    setOutcome(message);
    void refetch();
  };
  return (
    <section aria-labelledby="dead-title">
      <h1 id="dead-title">Dead letters</h1>
      <form className="card filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <InputField
          label="Consumer"
          name="consumer"
          value={consumer}
          onChange={(v) => {
            setConsumer(v);
            pages.reset();
          }}
          problems={problems}
        />
        <InputField
          label="Event type"
          name="type"
          value={type}
          onChange={(v) => {
            setType(v);
            pages.reset();
          }}
          problems={problems}
        />
      </form>
      <ProblemList problems={problems.general} />
      {outcome && <p role="status">{outcome}</p>}
      <div className="toolbar">
        <CsvButton
          filename="dead-letters.csv"
          rows={list?.nodes ?? []}
          columns={[
            { heading: 'Consumer', value: (d) => d.consumer },
            { heading: 'Type', value: (d) => d.type },
            { heading: 'Reason', value: (d) => d.reason },
            { heading: 'Error', value: (d) => d.error },
            { heading: 'Attempts', value: (d) => d.attempts },
            { heading: 'First failed', value: (d) => d.firstFailedAt },
            { heading: 'Last failed', value: (d) => d.lastFailedAt },
            { heading: 'Event', value: (d) => d.eventId },
          ]}
        />
      </div>
      {list && list.nodes.length === 0 && <p>No dead letters.</p>}
      <table aria-label="Dead letters">
        <thead>
          <tr>
            <th>Consumer</th>
            <th>Event</th>
            <th>Error</th>
            <th>Attempts</th>
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list?.nodes.map((d) => (
            <tr key={d.id}>
              <td>{d.consumer}</td>
              <td>
                {d.type}
                <br />
                <small>{d.eventId ?? 'unreadable'}</small>
              </td>
              <td>
                {d.reason}: {d.error}
                <br />
                <small>last {formatDateTime(d.lastFailedAt)}</small>
              </td>
              <td>{d.attempts}</td>
              <td>
                <Actions letter={d} onDone={done} />
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
    </section>
  );
}

function Actions({ letter, onDone }: { letter: DeadLetter; onDone(message: string): void }) {
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [replay, replaying] = useMutation(ReplayDeadLetterDocument);
  const [discard, discarding] = useMutation(DiscardDeadLetterDocument);
  const fail = (caught: unknown) => setProblems(problemsOf(caught, ['reason']));
  async function onReplay() {
    setProblems(NO_PROBLEMS);
    try {
      const result = await replay({ variables: { input: { id: letter.id } } });
      onDone(
        result.data?.replayDeadLetter.alreadyApplied
          ? `${letter.type} had already been applied; it is cleared.`
          : `${letter.type} replayed to ${letter.consumer}.`,
      );
    } catch (caught) {
      fail(caught);
    }
  }
  async function onDiscard(event: FormEvent) {
    event.preventDefault();
    setProblems(NO_PROBLEMS);
    try {
      await discard({ variables: { input: { id: letter.id, reason } } });
      onDone(`${letter.type} discarded.`);
    } catch (caught) {
      fail(caught);
    }
  }
  const general: Problem[] = problems.general;
  return (
    <div>
      <button type="button" disabled={replaying.loading} onClick={() => void onReplay()}>
        Replay
      </button>
      <form aria-label={`Discard ${letter.type}`} onSubmit={(e) => void onDiscard(e)}>
        <InputField
          label="Reason to discard"
          name="reason"
          value={reason}
          onChange={setReason}
          problems={problems}
        />
        <button type="submit" className="danger" disabled={discarding.loading || !reason.trim()}>
          Discard
        </button>
      </form>
      <ProblemList problems={general} />
    </div>
  );
}
