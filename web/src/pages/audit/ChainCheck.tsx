import { useLazyQuery } from '@apollo/client/react';
import { VerifyChainDocument } from '../../gql/graphql';
import { QueryError } from '../../ui/QueryState';

/** Verifies the log's hash chain over the period filtered, and says whether it holds. */
export function ChainCheck({ from, to }: { from?: string; to?: string }) {
  const [verify, verification] = useLazyQuery(VerifyChainDocument, { fetchPolicy: 'network-only' });
  const chain = verification.data?.verifyAuditChain;
  return (
    <div className="card">
      <h2>Chain</h2>
      <p role="status">
        {verification.loading
          ? 'Verifying…'
          : chain
            ? chain.valid
              ? `The chain is intact: ${chain.checked} entries checked.`
              : `The chain is broken at entry ${chain.firstInvalidId} (${chain.checked} checked).`
            : 'Not verified yet.'}
      </p>
      <QueryError error={verification.error} />
      <button
        type="button"
        onClick={() => void verify({ variables: { from: from ?? null, to: to ?? null } })}
      >
        Verify chain
      </button>
    </div>
  );
}
