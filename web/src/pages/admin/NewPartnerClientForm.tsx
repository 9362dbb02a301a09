import { useMutation } from '@apollo/client/react';
import { CreatePartnerClientDocument, PartnerClientsDocument } from '../../gql/graphql';
import { Form, FormActions, SubmitButton } from '../../ui/Form';
import { InputField, type InputFieldProps } from '../../ui/InputField';
import { useDraft } from '../../ui/useDraft';
import { useMutationForm } from '../../ui/useMutationForm';

const EMPTY = { name: '', scopes: 'employees:read', quotaRequests: '', quotaCost: '' };

/** `employees:read, x:read` or with spaces: the scopes as a list. */
const scopesOf = (text: string) => text.split(/[\s,]+/).filter(Boolean);
/** An empty quota is the platform's default (null); anything else goes as typed. */
const quotaOf = (text: string) => (text.trim() ? Number(text) : null);

export interface Created {
  id: string;
  name: string;
  secret: string;
}

/** Registers a partner's client; the secret comes back in the answer once. */
export function NewPartnerClientForm({ onCreated }: { onCreated(created: Created): void }) {
  const { draft, setDraft, bind } = useDraft(EMPTY);
  // no-cache: the secret is kept by nothing but the page that shows it once.
  const [create] = useMutation(CreatePartnerClientDocument, {
    fetchPolicy: 'no-cache',
    refetchQueries: [PartnerClientsDocument],
  });
  const form = useMutationForm(async () => {
    const input = {
      name: draft.name,
      scopes: scopesOf(draft.scopes),
      quotaRequests: quotaOf(draft.quotaRequests),
      quotaCost: quotaOf(draft.quotaCost),
    };
    const answer = (await create({ variables: { input } })).data?.createPartnerClient;
    if (!answer) return;
    onCreated({ id: answer.client.id, name: answer.client.name, secret: answer.clientSecret });
    // The scopes stay, for the next client of the same kind.
    setDraft((typed) => ({ ...EMPTY, scopes: typed.scopes }));
  }, Object.keys(EMPTY));
  return (
    <Form label="New partner client" form={form}>
      <InputField label="Partner name" {...bind('name')} required />
      <InputField
        label="Scopes"
        {...bind('scopes')}
        hint="Separated by spaces or commas, each <domain>:read or <domain>:write. Only employees:read opens anything today."
        required
      />
      <div className="inline-form">
        <QuotaField label="Requests a minute" {...bind('quotaRequests')} />
        <QuotaField label="Cost a minute" {...bind('quotaCost')} />
      </div>
      <FormActions>
        <SubmitButton disabled={!draft.name.trim()}>Make the client</SubmitButton>
      </FormActions>
    </Form>
  );
}

/** A quota a minute; empty for the platform's default. */
function QuotaField(props: Omit<InputFieldProps, 'type' | 'hint'>) {
  return <InputField {...props} type="number" hint="Empty: the platform's partner default." />;
}
