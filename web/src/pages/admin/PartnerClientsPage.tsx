import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { NO_PROBLEMS, problemsOf, type Problems } from '../../api/problemsOf';
import {
  PartnerClientsDocument,
  RevokePartnerClientDocument,
  type PartnerClientRowFragment,
} from '../../gql/graphql';
import { CsvButton } from '../../ui/CsvButton';
import { formatDateTime, ProblemList } from '../../ui/Field';
import { Pager } from '../../ui/Pager';
import { NewPartnerClientForm, type Created } from './NewPartnerClientForm';

const PAGE_SIZE = 20;

/** Partners' clients: each one's scopes and quota; make one (its secret shown once) or revoke one. */
export default function PartnerClientsPage() {
  const { data, error } = useQuery(PartnerClientsDocument);
  const [created, setCreated] = useState<Created | null>(null);
  const [page, setPage] = useState(0);
  const all = data?.partnerClients ?? [];
  const rows = all.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  return (
    <section aria-labelledby="partners-title">
      <h1 id="partners-title">Partner clients</h1>
      <NewPartnerClientForm onCreated={setCreated} />
      {created && <SecretOnce created={created} onDone={() => setCreated(null)} />}
      {error && <ProblemList problems={problemsOf(error).general} />}
      <div className="toolbar">
        <CsvButton
          filename="partner-clients.csv"
          rows={all}
          columns={[
            { heading: 'Client id', value: (c) => c.id },
            { heading: 'Name', value: (c) => c.name },
            { heading: 'Scopes', value: (c) => c.scopes.join(' ') },
            { heading: 'Requests a minute', value: (c) => c.quotaRequests },
            { heading: 'Cost a minute', value: (c) => c.quotaCost },
            { heading: 'Made', value: (c) => c.createdAt },
            { heading: 'Revoked', value: (c) => c.revokedAt },
          ]}
        />
      </div>
      {data && all.length === 0 && <p>No partner clients yet.</p>}
      <table aria-label="Partner clients">
        <thead>
          <tr>
            <th>Partner</th>
            <th>Scopes</th>
            <th>Quota a minute</th>
            <th>Status</th>
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id}>
              <td>
                {c.name}
                <br />
                <small>{c.id}</small>
              </td>
              <td>{c.scopes.join(', ')}</td>
              <td>
                {c.quotaRequests ?? 'default'} requests, {c.quotaCost ?? 'default'} cost
              </td>
              <td>
                {c.revokedAt ? `Revoked ${formatDateTime(c.revokedAt)}` : 'Active'}
                <br />
                <small>made {formatDateTime(c.createdAt)}</small>
              </td>
              <td>{!c.revokedAt && <RevokeButton client={c} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager
        totalCount={all.length}
        hasNext={(page + 1) * PAGE_SIZE < all.length}
        hasPrevious={page > 0}
        onNext={() => setPage((p) => p + 1)}
        onPrevious={() => setPage((p) => Math.max(p - 1, 0))}
      />
    </section>
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
  const [asked, setAsked] = useState(false);
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [revoke, { loading }] = useMutation(RevokePartnerClientDocument);
  async function confirm() {
    setProblems(NO_PROBLEMS);
    try {
      await revoke({ variables: { id: client.id } });
    } catch (caught) {
      setProblems(problemsOf(caught));
    }
  }
  return (
    <div>
      {asked ? (
        <>
          <button
            type="button"
            className="danger"
            disabled={loading}
            onClick={() => void confirm()}
          >
            Revoke {client.name} now
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setAsked(false)}>
            Keep it
          </button>
        </>
      ) : (
        <button type="button" className="secondary" onClick={() => setAsked(true)}>
          Revoke
        </button>
      )}
      <ProblemList problems={[...problems.general, ...Object.values(problems.byField)]} />
    </div>
  );
}
