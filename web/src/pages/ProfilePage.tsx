import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { NO_PROBLEMS, problemsOf, type Problems } from '../api/problemsOf';
import { MeDocument, UpdateMyPhoneDocument } from '../gql/graphql';
import { Field, ProblemList } from '../ui/Field';

/** My profile: what HR holds about me; the phone number is mine to change. */
export default function ProfilePage() {
  const { data } = useQuery(MeDocument);
  const me = data?.me;
  if (!me) return <p className="loading">Loading…</p>;
  return (
    <section aria-labelledby="profile-title">
      <h1 id="profile-title">
        {me.firstName} {me.lastName}
      </h1>
      <dl className="card">
        <dt>Employee number</dt>
        <dd>{me.employeeNumber}</dd>
        <dt>E-mail</dt>
        <dd>{me.email}</dd>
        <dt>Department</dt>
        <dd>{me.department}</dd>
        <dt>Job title</dt>
        <dd>{me.jobTitle}</dd>
        <dt>Manager</dt>
        <dd>{me.manager ? `${me.manager.firstName} ${me.manager.lastName}` : 'none'}</dd>
      </dl>
      <PhoneForm id={me.id} phone={me.phone ?? ''} version={me.version ?? undefined} />
    </section>
  );
}

function PhoneForm({
  id,
  phone: initial,
  version,
}: {
  id: string;
  phone: string;
  version?: number;
}) {
  const [phone, setPhone] = useState(initial);
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [saved, setSaved] = useState(false);
  const [update, { loading }] = useMutation(UpdateMyPhoneDocument);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblems(NO_PROBLEMS);
    setSaved(false);
    try {
      await update({ variables: { input: { id, phone, expectedVersion: version } } });
      setSaved(true);
    } catch (caught) {
      setProblems(problemsOf(caught, ['phone']));
    }
  }
  return (
    <form className="card" onSubmit={(event) => void submit(event)} aria-label="Phone number">
      <Field label="Phone" problem={problems.byField.phone}>
        {({ id: inputId, describedBy, invalid }) => (
          <input
            id={inputId}
            type="tel"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <ProblemList problems={problems.general} />
      {saved && <p role="status">Saved.</p>}
      <button type="submit" disabled={loading}>
        Save
      </button>
    </form>
  );
}
