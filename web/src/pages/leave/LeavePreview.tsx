import { useQuery } from '@apollo/client/react';
import { problemsOf } from '../../api/problemsOf';
import {
  CheckLeaveDocument,
  PreviewLeaveDocument,
  type LeaveType,
  type PreviewLeaveQuery,
} from '../../gql/graphql';
import { PolicyNote } from '../../ui/Field';
import { LEAVE_TYPE_LABELS } from '../../ui/enumLabels';
import { hasDays, spanOf, type LeaveDraft } from './leaveDraft';

/**
 * What the request would be, asked as the person types: the days charged and the balance left,
 * and any rule it would break, so a refusal shows before anything is sent.
 */
export function LeavePreview({ draft }: { draft: LeaveDraft }) {
  const ready = hasDays(draft);
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
  const findings = ready ? (check.data?.validateCompliance.findings ?? []) : [];
  return (
    <>
      <p className="hint" aria-live="polite">
        {ready ? (
          <PreviewText
            leaveType={draft.leaveType}
            loading={preview.loading}
            preview={preview.data?.leaveRequestPreview}
            error={preview.error}
          />
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
}

/** The server's count of the days and the balance left, in a sentence. */
function PreviewText({ leaveType, loading, preview, error }: PreviewTextProps) {
  if (loading) return 'Counting the working days…';
  if (error) {
    // The field's own refusal shows beside it once sent; here, why there is no count.
    const { general, byField } = problemsOf(error);
    const first = general[0] ?? Object.values(byField)[0];
    return `The days cannot be counted: ${first?.message ?? 'try again.'}`;
  }
  if (!preview) return null;
  const holidays = preview.publicHolidays.length
    ? ` (public holidays not counted: ${preview.publicHolidays.join(', ')})`
    : '';
  const { balance } = preview;
  const left = balance
    ? `Remaining ${LEAVE_TYPE_LABELS[leaveType].toLowerCase()} balance: ${balance.remainingBefore} days now, ${balance.remainingAfter} after this request.`
    : `${LEAVE_TYPE_LABELS[leaveType]} draws on no balance.`;
  return `${preview.days} working ${preview.days === 1 ? 'day' : 'days'} charged${holidays}. ${left}`;
}
