import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { UpdatePolicyDocument, type PolicyRulesFragment } from '../../../gql/graphql';
import { Form, FormActions, SubmitButton } from '../../../ui/Form';
import { InputField } from '../../../ui/InputField';
import { toLocalInput, toOffsetDateTime } from '../../../ui/dates';
import { useDraft } from '../../../ui/useDraft';
import { useMutationForm } from '../../../ui/useMutationForm';
import { changedRules, draftOf, policyProblems, RULES_OF, rulesOf } from './policyRules';

export interface EditPolicyFormProps {
  policy: PolicyRulesFragment;
  onSaved(): void;
}

/** A new version of the policy: its rules as they are now, changed, in force from a time. */
export function EditPolicyForm({ policy, onSaved }: EditPolicyFormProps) {
  const current = rulesOf(policy);
  const fields = Object.keys(current);
  const [draft, setDraft] = useState(() => draftOf(current));
  const version = useDraft({ effectiveFrom: toLocalInput(new Date().toISOString()), reason: '' });
  const { effectiveFrom, reason } = version.draft;
  const [update] = useMutation(UpdatePolicyDocument);
  const form = useMutationForm(
    async () => {
      const result = await update({
        variables: {
          input: {
            kind: policy.kind,
            key: policy.key,
            effectiveFrom: effectiveFrom ? toOffsetDateTime(effectiveFrom) : null,
            reason: reason || null,
            [RULES_OF[policy.kind]]: changedRules(current, draft),
          },
        },
      });
      onSaved();
      return `Saved as v${result.data?.updateCompliancePolicy.version}.`;
    },
    (caught) => policyProblems(caught, [...fields, 'effectiveFrom', 'reason']),
  );
  return (
    <Form label="New version" form={form} heading="h3" card={false}>
      <div className="grid">
        {fields.map((key) => (
          <InputField
            key={key}
            label={key}
            name={key}
            value={draft[key] ?? ''}
            onChange={(value) => setDraft((d) => ({ ...d, [key]: value }))}
            type={typeof current[key] === 'number' || current[key] === null ? 'number' : 'text'}
            options={typeof current[key] === 'boolean' ? ['true', 'false'] : undefined}
          />
        ))}
        <InputField
          label="In force from"
          {...version.bind('effectiveFrom')}
          type="datetime-local"
        />
        <InputField label="Reason" {...version.bind('reason')} />
      </div>
      <FormActions>
        <SubmitButton>Save new version</SubmitButton>
      </FormActions>
    </Form>
  );
}
