import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import {
  PartnerClientsDocument,
  RevokePartnerClientDocument,
  type PartnerClientRowFragment,
} from '../../gql/graphql';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { CsvToolbar } from '../../ui/CsvToolbar';
import { DataTable } from '../../ui/DataTable';
import { formatDateTime } from '../../ui/dates';
import { ProblemList } from '../../ui/Field';
import { Page } from '../../ui/Page';
import { Pager } from '../../ui/Pager';
import { QueryError } from '../../ui/QueryState';
import { useListPages } from '../../ui/useListPages';
import { useRowActions } from '../../ui/useRowActions';
import { WithNote } from '../../ui/WithNote';
import { fieldColumns } from '../../ui/csv';
import { NewPartnerClientForm, type Created } from './NewPartnerClientForm';

const PAGE_SIZE = 20;

/** Partners' clients: each one's scopes and quota; make one (its secret shown once) or revoke one. */
export default function PartnerClientsPage() {
  const { data, error } = useQuery(PartnerClientsDocument);
  const [created, setCreated] = useState<Created | null>(null);
  const all = data?.partnerClients ?? [];
  const { rows, pager } = useListPages(all, PAGE_SIZE);
  return (
    <Page id="partners" title="Partner clients">
      <NewPartnerClientForm onCreated={setCreated} />
      {created && <SecretOnce created={created} onDone={() => setCreated(null)} />}
      <QueryError error={error} />
      <CsvToolbar
        filename="partner-clients.csv"
        rows={all}
        columns={[
          { heading: 'Client id', value: (c) => c.id },
          { heading: 'Name', value: (c) => c.name },
          { heading: 'Scopes', value: (c) => c.scopes.join(' ') },
          ...fieldColumns({
            'Requests a minute': 'quotaRequests',
            'Cost a minute': 'quotaCost',
            Made: 'createdAt',
            Revoked: 'revokedAt',
          }),
        ]}
      />
      {data && all.length === 0 && <p>No partner clients yet.</p>}
      <DataTable
        label="Partner clients"
        rows={rows}
        columns={[
          { heading: 'Partner', cell: (c) => <WithNote note={c.id}>{c.name}</WithNote> },
          { heading: 'Scopes', cell: (c) => c.scopes.join(', ') },
          {
            heading: 'Quota a minute',
            cell: (c) =>
              `${c.quotaRequests ?? 'default'} requests, ${c.quotaCost ?? 'default'} cost`,
          },
          {
            heading: 'Status',
            cell: (c) => (
              <WithNote note={`made ${formatDateTime(c.createdAt)}`}>
                {c.revokedAt ? `Revoked ${formatDateTime(c.revokedAt)}` : 'Active'}
              </WithNote>
            ),
          },
        ]}
        actions={(c) => !c.revokedAt && <RevokeButton client={c} />}
      />
      <Pager {...pager} />
    </Page>
  );
}

/** The new client's id and secret: the platform keeps only a hash, so this is the only time. */
function SecretOnce({ created, onDone }: { created: Created; onDone(): void }) {
  return (
    <div className="card" role="region" aria-label="New client secret">
      <h2>{created.name}: its id and secret</h2>
      <p>
        Copy the secret now and hand it to the partner safely: it is shown this once, and the
        platform keeps only its hash.
      </p>
      <dl>
        <dt>Client id</dt>
        <dd className="secret">{created.id}</dd>
        <dt>Client secret</dt>
        <dd className="secret">{created.secret}</dd>
      </dl>
      <button type="button" onClick={onDone}>
        I have stored the secret
      </button>
    </div>
  );
}

/** Revoking takes a second click, naming the partner. */
function RevokeButton({ client }: { client: PartnerClientRowFragment }) {
  const [revoke, { loading }] = useMutation(RevokePartnerClientDocument);
  const actions = useRowActions(() => {});
  return (
    <div>
      <ConfirmButton
        label="Revoke"
        confirm={`Revoke ${client.name} now`}
        disabled={loading}
        onConfirm={() => actions.run(revoke({ variables: { id: client.id } }))}
      />
      <ProblemList problems={actions.problems} />
    </div>
  );
}
