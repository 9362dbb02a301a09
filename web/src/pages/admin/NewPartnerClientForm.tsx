import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { NO_PROBLEMS, problemsOf, type Problems } from '../../api/problemsOf';
import { CreatePartnerClientDocument, PartnerClientsDocument } from '../../gql/graphql';
import { ProblemList } from '../../ui/Field';
import { InputField } from '../../ui/InputField';

const FIELDS = ['name', 'scopes', 'quotaRequests', 'quotaCost'];

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
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState('employees:read');
  const [requests, setRequests] = useState('');
  const [cost, setCost] = useState('');
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  // no-cache: the secret is kept by nothing but the page that shows it once.
  const [create, { loading }] = useMutation(CreatePartnerClientDocument, {
    fetchPolicy: 'no-cache',
    refetchQueries: [PartnerClientsDocument],
  });
  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblems(NO_PROBLEMS);
    try {
      const input = {
        name,
        scopes: scopesOf(scopes),
        quotaRequests: quotaOf(requests),
        quotaCost: quotaOf(cost),
      };
      const result = await create({ variables: { input } });
      const answer = result.data?.createPartnerClient;
      if (!answer) return;
      onCreated({ id: answer.client.id, name: answer.client.name, secret: answer.clientSecret });
      setName('');
      setRequests('');
      setCost('');
    } catch (caught) {
      setProblems(problemsOf(caught, FIELDS));
    }
  }
  return (
    <form className="card" aria-label="New partner client" onSubmit={(e) => void submit(e)}>
      <h2>New partner client</h2>
      <InputField
        label="Partner name"
        name="name"
        value={name}
        onChange={setName}
        problems={problems}
        required
      />
      <InputField
        label="Scopes"
        name="scopes"
        value={scopes}
        onChange={setScopes}
        problems={problems}
        hint="Separated by spaces or commas, each <domain>:read or <domain>:write. Only employees:read opens anything today."
        required
      />
      <div className="inline-form">
        <InputField
          label="Requests a minute"
          name="quotaRequests"
          type="number"
          value={requests}
          onChange={setRequests}
          problems={problems}
          hint="Empty: the platform's partner default."
        />
        <InputField
          label="Cost a minute"
          name="quotaCost"
          type="number"
          value={cost}
          onChange={setCost}
          problems={problems}
          hint="Empty: the platform's partner default."
        />
      </div>
      <ProblemList problems={problems.general} />
      <button type="submit" disabled={loading || !name.trim()}>
        Make the client
      </button>
    </form>
  );
}
