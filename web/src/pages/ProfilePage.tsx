import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { MeDocument, UpdateMyPhoneDocument } from '../gql/graphql';
import { Form, FormActions, SubmitButton } from '../ui/Form';
import { Loading } from '../ui/QueryState';
import { TextField } from '../ui/TextField';
import { fullName } from '../ui/fullName';
import { useMutationForm } from '../ui/useMutationForm';

/** My profile: what HR holds about me; the phone number is mine to change. */
export default function ProfilePage() {
  const { data } = useQuery(MeDocument);
  const me = data?.me;
  if (!me) return <Loading />;
  return (
    <section aria-labelledby="profile-title">
      <h1 id="profile-title">{fullName(me)}</h1>
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
        <dd>{me.manager ? fullName(me.manager) : 'none'}</dd>
      </dl>
      <PhoneForm id={me.id} phone={me.phone ?? ''} version={me.version ?? undefined} />
    </section>
  );
}

function PhoneForm(props: { id: string; phone: string; version?: number }) {
  const { id, version } = props;
  const [phone, setPhone] = useState(props.phone);
  const [update] = useMutation(UpdateMyPhoneDocument);
  const form = useMutationForm(async () => {
    await update({ variables: { input: { id, phone, expectedVersion: version } } });
    return 'Saved.';
  }, ['phone']);
  return (
    <Form label="Phone number" heading="none" form={form}>
      <TextField label="Phone" name="phone" type="tel" value={phone} onChange={setPhone} />
      <FormActions>
        <SubmitButton>Save</SubmitButton>
      </FormActions>
    </Form>
  );
}
