import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { NO_PROBLEMS, policyLabel, problemsOf, type Problems } from '../../api/problemsOf';
import {
  PoliciesInForceDocument,
  PolicyHistoryDocument,
  UpdatePolicyDocument,
  type PolicyRulesFragment,
} from '../../gql/graphql';
import { CsvButton } from '../../ui/CsvButton';
import { formatDateTime, ProblemList } from '../../ui/Field';
import { InputField } from '../../ui/InputField';
import { toLocalInput, toOffsetDateTime } from '../../ui/dates';

type Scalar = string | number | boolean | null;
/** Which part of a policy holds the rules of each kind, as UpdateCompliancePolicyInput names it. */
const RULES_OF = {
  LEAVE: 'leave',
  ATTENDANCE: 'attendance',
  WORKING_TIME: 'workingTime',
  RETENTION: 'retention',
} as const;

function rulesOf(policy: PolicyRulesFragment): Record<string, Scalar> {
  const rules = policy[RULES_OF[policy.kind]] as Record<string, Scalar> | null | undefined;
  return Object.fromEntries(Object.entries(rules ?? {}).filter(([key]) => key !== '__typename'));
}

const rowKey = (p: PolicyRulesFragment) => `${p.kind}/${p.key}`;

/** Compliance policies: those in force, each one's versions, and a new version. */
export default function PoliciesPage() {
  const { data, error, refetch } = useQuery(PoliciesInForceDocument);
  const [chosen, setChosen] = useState<string | null>(null);
  const policies = data?.compliancePolicies ?? [];
  const policy = policies.find((p) => rowKey(p) === chosen);
  return (
    <section aria-labelledby="policies-title">
      <h1 id="policies-title">Policies</h1>
      {error && <ProblemList problems={problemsOf(error).general} />}
      <div className="toolbar">
        <CsvButton
          filename="policies.csv"
          rows={policies}
          columns={[
            { heading: 'Kind', value: (p) => p.kind },
            { heading: 'Key', value: (p) => p.key },
            { heading: 'Version', value: (p) => p.version },
            { heading: 'In force from', value: (p) => p.effectiveFrom },
            { heading: 'Rules', value: (p) => JSON.stringify(rulesOf(p)) },
          ]}
        />
      </div>
      <table aria-label="Policies in force">
        <thead>
          <tr>
            <th>Policy</th>
            <th>In force from</th>
            <th>Changed by</th>
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {policies.map((p) => (
            <tr key={rowKey(p)} aria-selected={rowKey(p) === chosen}>
              <td>{policyLabel(p)}</td>
              <td>{formatDateTime(p.effectiveFrom)}</td>
              <td>{p.changedBy ?? '–'}</td>
              <td>
                <button type="button" className="secondary" onClick={() => setChosen(rowKey(p))}>
                  Open {policyLabel(p)}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {policy && (
        <PolicyDetail
          key={`${rowKey(policy)}@${policy.version}`}
          policy={policy}
          onSaved={() => void refetch()}
        />
      )}
    </section>
  );
}

function PolicyDetail({ policy, onSaved }: { policy: PolicyRulesFragment; onSaved(): void }) {
  const history = useQuery(PolicyHistoryDocument, {
    variables: { kind: policy.kind, key: policy.key },
  });
  const versions = history.data?.compliancePolicyHistory ?? [];
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
      <table aria-label="Versions">
        <thead>
          <tr>
            <th>Version</th>
            <th>In force from</th>
            <th>In force now</th>
            <th>By</th>
            <th>Reason</th>
            <th>Rules</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version}>
              <td>v{v.version}</td>
              <td>{formatDateTime(v.effectiveFrom)}</td>
              <td>{v.inForce ? 'yes' : 'no'}</td>
              <td>{v.changedBy ?? '–'}</td>
              <td>{v.reason ?? '–'}</td>
              <td>
                <small>
                  {Object.entries(rulesOf(v))
                    .map(([k, value]) => `${k}: ${String(value)}`)
                    .join(', ')}
                </small>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EditPolicyForm({ policy, onSaved }: { policy: PolicyRulesFragment; onSaved(): void }) {
  const current = rulesOf(policy);
  const [draft, setDraft] = useState(() =>
    Object.fromEntries(Object.entries(current).map(([k, v]) => [k, v === null ? '' : String(v)])),
  );
  const [effectiveFrom, setEffectiveFrom] = useState(toLocalInput(new Date().toISOString()));
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [saved, setSaved] = useState<string | null>(null);
  const [update, { loading }] = useMutation(UpdatePolicyDocument);
  const part = RULES_OF[policy.kind];
  const fields = Object.keys(current);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblems(NO_PROBLEMS);
    setSaved(null);
    const rules: Record<string, Scalar> = {};
    for (const key of fields) {
      const text = draft[key];
      const was = current[key];
      const value =
        typeof was === 'boolean'
          ? text === 'true'
          : typeof was === 'string'
            ? text
            : text === ''
              ? null
              : Number(text);
      if (value !== was) rules[key] = value;
    }
    try {
      const result = await update({
        variables: {
          input: {
            kind: policy.kind,
            key: policy.key,
            effectiveFrom: effectiveFrom ? toOffsetDateTime(effectiveFrom) : null,
            reason: reason || null,
            [part]: rules,
          },
        },
      });
      setSaved(`Saved as v${result.data?.updateCompliancePolicy.version}.`);
      onSaved();
    } catch (caught) {
      // The server names a rule's field by itself or under its part (leave.noticeDays).
      const found = problemsOf(caught);
      for (const [name, problem] of Object.entries(found.byField)) {
        const bare = name.replace(/^(input\.)?[a-zA-Z]+\./, '');
        if (bare !== name) found.byField[bare] = problem;
      }
      const shown = new Set([...fields, 'effectiveFrom', 'reason']);
      setProblems({
        byField: found.byField,
        general: [
          ...found.general,
          ...Object.entries(found.byField)
            .filter(([name]) => !shown.has(name) && !shown.has(name.replace(/^.*\./, '')))
            .map(([, p]) => p),
        ],
      });
    }
  }
  return (
    <form aria-label="New version" onSubmit={(e) => void submit(e)}>
      <h3>New version</h3>
      <div className="grid">
        {fields.map((key) => (
          <InputField
            key={key}
            label={key}
            name={key}
            value={draft[key] ?? ''}
            onChange={(value) => setDraft((d) => ({ ...d, [key]: value }))}
            problems={problems}
            type={typeof current[key] === 'number' || current[key] === null ? 'number' : 'text'}
            options={typeof current[key] === 'boolean' ? ['true', 'false'] : undefined}
          />
        ))}
        <InputField
          label="In force from"
          name="effectiveFrom"
          type="datetime-local"
          value={effectiveFrom}
          onChange={setEffectiveFrom}
          problems={problems}
        />
        <InputField
          label="Reason"
          name="reason"
          value={reason}
          onChange={setReason}
          problems={problems}
        />
      </div>
      <ProblemList problems={problems.general} />
      {saved && <p role="status">{saved}</p>}
      <button type="submit" disabled={loading}>
        Save new version
      </button>
    </form>
  );
}
