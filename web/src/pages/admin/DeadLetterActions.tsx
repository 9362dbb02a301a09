import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import {
  DiscardDeadLetterDocument,
  ReplayDeadLetterDocument,
  type DeadLetterListQuery,
} from '../../gql/graphql';
import { ProblemList } from '../../ui/Field';
import { Form, SubmitButton } from '../../ui/Form';
import { InputField } from '../../ui/InputField';
import { useMutationForm } from '../../ui/useMutationForm';

type DeadLetter = DeadLetterListQuery['deadLetters']['nodes'][number];

export interface DeadLetterActionsProps {
  letter: DeadLetter;
  /** Says what was done, once it is. */
  onDone(message: string): void;
}

/** Replay a dead letter to its consumer, or discard it with a reason. */
export function DeadLetterActions({ letter, onDone }: DeadLetterActionsProps) {
  const [reason, setReason] = useState('');
  const [replay] = useMutation(ReplayDeadLetterDocument);
  const [discard] = useMutation(DiscardDeadLetterDocument);
  const form = useMutationForm(async () => {
    await discard({ variables: { input: { id: letter.id, reason } } });
    onDone(`${letter.type} discarded.`);
  }, ['reason']);
  const replayIt = async () => {
    const result = await replay({ variables: { input: { id: letter.id } } });
    onDone(
      result.data?.replayDeadLetter.alreadyApplied
        ? `${letter.type} had already been applied; it is cleared.`
        : `${letter.type} replayed to ${letter.consumer}.`,
    );
  };
  return (
    <div>
      <button type="button" disabled={form.busy} onClick={() => void form.run(replayIt)}>
        Replay
      </button>
      <Form label={`Discard ${letter.type}`} form={form} heading="none" card={false}>
        <InputField label="Reason to discard" name="reason" value={reason} onChange={setReason} />
        <SubmitButton disabled={!reason.trim()} className="danger">
          Discard
        </SubmitButton>
      </Form>
      <ProblemList problems={form.problems.general} />
    </div>
  );
}
