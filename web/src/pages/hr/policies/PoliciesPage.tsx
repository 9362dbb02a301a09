import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { policyLabel } from '../../../api/problemsOf';
import { PoliciesInForceDocument, type PolicyRulesFragment } from '../../../gql/graphql';
import { ExportTable } from '../../../ui/ExportTable';
import { Page } from '../../../ui/Page';
import { fieldColumns, type CsvColumn } from '../../../ui/csv';
import { PolicyDetail } from './PolicyDetail';
import { inForceFrom, rowKey, rulesOf } from './policyRules';

const CSV_COLUMNS: CsvColumn<PolicyRulesFragment>[] = [
  ...fieldColumns({
    Kind: 'kind',
    Key: 'key',
    Version: 'version',
    'In force from': 'effectiveFrom',
  }),
  { heading: 'Rules', value: (p) => JSON.stringify(rulesOf(p)) },
];

/** Compliance policies: those in force, each one's versions, and a new version. */
export default function PoliciesPage() {
  const { data, error, refetch } = useQuery(PoliciesInForceDocument);
  const [chosen, setChosen] = useState<string | null>(null);
  const policies = data?.compliancePolicies ?? [];
  const policy = policies.find((p) => rowKey(p) === chosen);
  return (
    <Page id="policies" title="Policies" error={error}>
      <ExportTable
        label="Policies in force"
        rows={policies}
        csv={{ filename: 'policies.csv', columns: CSV_COLUMNS }}
        rowKey={rowKey}
        rowProps={(p) => ({ 'aria-selected': rowKey(p) === chosen })}
        columns={[
          { heading: 'Policy', cell: (p) => policyLabel(p) },
          { heading: 'In force from', cell: (p) => inForceFrom(p.effectiveFrom) },
          { heading: 'Changed by', cell: (p) => p.changedBy ?? '–' },
        ]}
        actions={(p) => (
          <button type="button" className="secondary" onClick={() => setChosen(rowKey(p))}>
            Open {policyLabel(p)}
          </button>
        )}
      />
      {policy && (
        <PolicyDetail
          key={`${rowKey(policy)}@${policy.version}`}
          policy={policy}
          onSaved={() => void refetch()}
        />
      )}
    </Page>
  );
}
