import { plural, str, to, type Template } from './wording';

/** Finance learns a ledger day closed. */
export const dayClosed: Template<'billing.day.closed'> = (d, dir, dedupeKey) =>
  to([...dir.finance], {
    type: 'DAY_CLOSED',
    title: `Ledger day ${str(d.date)} closed`,
    body:
      `The ledger day ${str(d.date)} was closed with ${plural(Number(d.transactionCount), 'transaction')}` +
      ` (${Number(d.lateTransactionCount)} late) on ${plural(Number(d.accountCount), 'account')}.`,
    dedupeKey,
  });

/** Administrators learn a consumer gave up on an event. */
export const deadLetter: Template<'audit.dead_letter.recorded'> = (d, dir, dedupeKey) =>
  to([...dir.admin], {
    type: 'DEAD_LETTER',
    title: `Dead letter: ${str(d.eventType)} for ${str(d.consumer)}`,
    body:
      `Consumer ${str(d.consumer)} gave up on an event ${str(d.eventType)} after ` +
      `${plural(Number(d.attempts), 'attempt')} (${str(d.reason)}). ` +
      `Replay or discard dead letter ${str(d.deadLetterId)}.`,
    dedupeKey,
  });

/** The manager learns someone joined their team. */
export const employeeJoined: Template<'employees.employee.created'> = (d, _dir, dedupeKey) => {
  const who = `${str(d.firstName)} ${str(d.lastName)}`.trim() || 'A new employee';
  return to([d.managerId], {
    type: 'EMPLOYEE_CREATED',
    title: `${who} joined your team`,
    body: `${who} (${str(d.jobTitle)}, ${str(d.department)}) starts on ${str(d.hireDate)} and reports to you.`,
    dedupeKey,
  });
};
