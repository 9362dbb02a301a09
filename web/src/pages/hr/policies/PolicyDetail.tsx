import { useQuery } from '@apollo/client/react';
import { policyLabel } from '../../../api/problemsOf';
import { PolicyHistoryDocument, type PolicyRulesFragment } from '../../../gql/graphql';
import { DataTable } from '../../../ui/DataTable';
import { EditPolicyForm } from './EditPolicyForm';
import { inForceFrom, rulesOf } from './policyRules';

/** One policy: a new version of it, and every version it has had. */
export function PolicyDetail({
  policy,
  onSaved,
}: {
  policy: PolicyRulesFragment;
  onSaved(): void;
}) {
  const history = useQuery(PolicyHistoryDocument, {
    variables: { kind: policy.kind, key: policy.key },
  });
  return (
    <div className="card">
      <h2>{policyLabel(policy)}</h2>
      <EditPolicyForm
        policy={policy}
        onSaved={() => {
          onSaved();
          void history.refetch();
        }}
      />
      <h3>Versions</h3>
      <DataTable
        label="Versions"
        rows={history.data?.compliancePolicyHistory ?? []}
        rowKey={(v) => String(v.version)}
        columns={[
          { heading: 'Version', cell: (v) => `v${v.version}` },
          { heading: 'In force from', cell: (v) => inForceFrom(v.effectiveFrom) },
          { heading: 'In force now', cell: (v) => (v.inForce ? 'yes' : 'no') },
          { heading: 'By', cell: (v) => v.changedBy ?? '–' },
          { heading: 'Reason', cell: (v) => v.reason ?? '–' },
          {
            heading: 'Rules',
            cell: (v) => (
              <small>
                {Object.entries(rulesOf(v))
                  .map(([k, value]) => `${k}: ${String(value)}`)
                  .join(', ')}
              </small>
            ),
          },
        ]}
      />
    </div>
  );
}
