import { useQuery } from '@apollo/client/react';
import { problemsOf, type Problem } from '../../api/problemsOf';
import {
  CheckLeaveDocument,
  PreviewLeaveDocument,
  type LeaveType,
  type PreviewLeaveQuery,
} from '../../gql/graphql';
import { PolicyNote } from '../../ui/Field';
import { LEAVE_TYPE_LABELS } from '../../ui/enumLabels';
import { hasDays, spanOf, type LeaveDraft } from './leaveDraft';
import { formatDate } from '../../ui/dates';

/** The fields whose refusal shows beside them, as a refusal of the sent request would. */
const BESIDE = ['startDate', 'endDate'];

/**
 * The request checked and counted as the person types: the rules it would break (beside the
 * day they name, or listed), whether it would be refused (then it is not sent), and the
 * server's count of its days.
 */
export function useLeaveCheck(draft: LeaveDraft, ready: boolean) {
  const span = spanOf(draft);
  const check = useQuery(CheckLeaveDocument, {
    skip: !ready,
    variables: { input: { leaveRequest: span } },
  });
  // The server counts the days as the request would be charged: the person's working
  // pattern, the holidays of their location, half days; and the balance it would leave.
  const preview = useQuery(PreviewLeaveDocument, {
    skip: !ready,
    variables: { input: span },
    fetchPolicy: 'network-only',
  });
  const verdict = ready ? check.data?.validateCompliance : undefined;
  // One line per rule: the check may name a rule once per day it breaks.
  const unique = (verdict?.findings ?? []).filter(
    (finding, index, all) => all.findIndex((f) => f.message === finding.message) === index,
  );
  const beside: Record<string, Problem> = {};
  for (const { field, message, policy, severity } of unique)
    if (severity === 'REFUSAL' && field && BESIDE.includes(field) && !beside[field])
      beside[field] = { message, field, policy: policy ?? undefined };
  const findings = unique.filter(
    (finding) => beside[finding.field ?? '']?.message !== finding.message,
  );
  return { beside, findings, refused: verdict?.allowed === false, preview, ready };
}

export type LeaveCheck = ReturnType<typeof useLeaveCheck>;

/**
 * What the request would be: the days charged and the balance left, and any rule it would
 * break, so a refusal shows before anything is sent.
 */
export function LeavePreview({ draft, check }: { draft: LeaveDraft; check: LeaveCheck }) {
  const { findings, refused, preview, ready } = check;
  return (
    <>
      <p className="hint" aria-live="polite">
        {ready ? (
          <PreviewText
            leaveType={draft.leaveType}
            loading={preview.loading}
            preview={preview.data?.leaveRequestPreview}
            error={preview.error}
            refused={refused}
          />
        ) : hasDays(draft) ? (
          'Choose a last day on or after the first day to see the count.'
        ) : (
          'Choose the days to see the count.'
        )}
      </p>
      {findings.length > 0 && (
        <ul className="problems" aria-label="Before you send">
          {findings.map((finding, index) => (
            <li key={index}>
              {finding.severity === 'WARNING' ? 'Note: ' : 'Would be refused: '}
              {finding.message}
              {finding.policy && <PolicyNote policy={finding.policy} />}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

interface PreviewTextProps {
  leaveType: LeaveType;
  loading: boolean;
  preview?: PreviewLeaveQuery['leaveRequestPreview'];
  error?: unknown;
  /** The check refuses the request: its rule is listed below, so it is not said here too. */
  refused: boolean;
}

/** The server's count of the days and the balance left, in a sentence. */
function PreviewText({ leaveType, loading, preview, error, refused }: PreviewTextProps) {
  if (loading) return 'Counting the working days…';
  if (error) {
    if (refused) return 'The days are not counted: the request would be refused.';
    // The field's own refusal shows beside it once sent; here, why there is no count.
    const { general, byField } = problemsOf(error);
    const first = general[0] ?? Object.values(byField)[0];
    return `The days cannot be counted: ${first ? first.message : 'try again.'}`;
  }
  if (!preview) return null;
  const holidays = preview.publicHolidays.length
    ? ` (public holidays not counted: ${preview.publicHolidays.map(formatDate).join(', ')})`
    : '';
  const { balance } = preview;
  const left = balance
    ? `Remaining ${LEAVE_TYPE_LABELS[leaveType].toLowerCase()} balance: ${balance.remainingBefore} days now, ${balance.remainingAfter} after this request.`
    : `${LEAVE_TYPE_LABELS[leaveType]} draws on no balance.`;
  return `${preview.days} working ${preview.days === 1 ? 'day' : 'days'} charged${holidays}. ${left}`;
}
