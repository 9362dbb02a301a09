// Generated from messaging/catalogue/*.json by `npm run catalogue:types`; do not edit.
/**
 * HR or ADMIN gave an account a role, or took it back; it applies at the person's next sign-in or refresh.
 */
export interface AccountsAccountRoleChangedV1 {
  /**
   * The account.
   */
  accountId: string;
  /**
   * The employee the account is.
   */
  employeeId: string | null;
  /**
   * The role it had been given; null: none (EMPLOYEE or MANAGER from the record).
   */
  from: 'HR' | 'FINANCE' | 'AUDITOR' | 'ADMIN' | null;
  /**
   * The role it has now been given; null: none.
   */
  to: 'HR' | 'FINANCE' | 'AUDITOR' | 'ADMIN' | null;
}

/**
 * ADMIN made a partner client (its secret is never in an event).
 */
export interface AccountsPartnerClientCreatedV1 {
  /**
   * The client_id.
   */
  clientId: string;
  /**
   * Who the partner is.
   */
  name: string;
  /**
   * What its tokens may read.
   *
   * @maxItems 20
   */
  scopes: string[];
  /**
   * Requests per rate-limit window; null: the default.
   */
  quotaRequests: number | null;
  /**
   * Cost per rate-limit window; null: the default.
   */
  quotaCost: number | null;
}

/**
 * ADMIN revoked a partner client: it gets no more tokens.
 */
export interface AccountsPartnerClientRevokedV1 {
  /**
   * The client_id.
   */
  clientId: string;
  /**
   * When.
   */
  revokedAt: string;
}

/**
 * A person signed in: a new session, by password, by accepting an invitation, by a password reset, or through the OpenID Connect provider. Never carries the e-mail or any token.
 */
export interface AccountsUserLoggedInV1 {
  /**
   * The account.
   */
  accountId: string;
  /**
   * The new session.
   */
  sessionId: string;
  /**
   * The employee the account is; null for an administrator without an employee record.
   */
  employeeId: string | null;
  /**
   * The role the session's tokens carry (through OpenID Connect: mapped from the provider's claims).
   */
  role: 'EMPLOYEE' | 'MANAGER' | 'HR' | 'FINANCE' | 'AUDITOR' | 'ADMIN';
  /**
   * How the person proved who they are.
   */
  method: 'PASSWORD' | 'INVITATION' | 'PASSWORD_RESET' | 'OIDC';
}

/**
 * A session ended: the person signed out (or set a new password, which ends their other sessions), or a refresh token that was used already came back, which ends the session for whoever holds it.
 */
export interface AccountsUserLoggedOutV1 {
  /**
   * The account.
   */
  accountId: string;
  /**
   * The session that ended.
   */
  sessionId: string;
  /**
   * SIGNED_OUT, or REFRESH_TOKEN_REUSED (a copied refresh token).
   */
  reason: 'SIGNED_OUT' | 'REFRESH_TOKEN_REUSED';
}

/**
 * A sign-in was refused. The subject is the account, or `unknown` for an e-mail no account has or an OpenID Connect answer that names none (the e-mail itself is never recorded). The fifth failed password in a row locks the account.
 */
export interface AccountsUserLoginFailedV1 {
  /**
   * The account; null for an unknown e-mail.
   */
  accountId: string | null;
  /**
   * Why it was refused; the OIDC_ reasons are of a sign-in through the OpenID Connect provider (docs/sign-in.md).
   */
  reason:
    | 'UNKNOWN_EMAIL'
    | 'WRONG_PASSWORD'
    | 'NO_PASSWORD'
    | 'NOT_EMPLOYED'
    | 'OIDC_STATE_MISMATCH'
    | 'OIDC_REJECTED'
    | 'OIDC_INVALID_TOKEN'
    | 'OIDC_UNKNOWN_EMPLOYEE'
    | 'OIDC_ROLE_UNMAPPED';
  /**
   * Failed passwords in a row, this one included (0 for an unknown e-mail and for OpenID Connect, which never counts toward the lock).
   */
  failedAttempts: number;
  /**
   * Until when this failure locked the account; null when it did not.
   */
  lockedUntil: string | null;
}

/**
 * A balance of one accrual type moved to another status band against its expected share (ON_TRACK, or BEHIND/AHEAD by 5-15, 15-25, 25+ %); once per change, the same status again says nothing.
 */
export interface AccrualsBalanceStatusChangedV1 {
  /**
   * The employee whose balance this is.
   */
  employeeId: string;
  /**
   * The agreement whose target the balance is measured against.
   */
  agreementId: string;
  /**
   * The accrual type.
   */
  accrualType: AccrualType;
  /**
   * What worked, expectedToDate and target count: HOURS, or COUNT for the ON_CALL types.
   */
  measurementUnit: 'HOURS' | 'COUNT';
  /**
   * The employee's local day the status was worked out on (ISO date).
   */
  date: string;
  /**
   * The new status: how far worked is from the expected share, and on which side.
   */
  status:
    | 'ON_TRACK'
    | 'BEHIND_5_15'
    | 'BEHIND_15_25'
    | 'BEHIND_25_PLUS'
    | 'AHEAD_5_15'
    | 'AHEAD_15_25'
    | 'AHEAD_25_PLUS';
  /**
   * The size of the new status's gap, whichever side: '5-15', '15-25' or '25+' per cent; null when ON_TRACK (within 5 %).
   */
  band: '5-15' | '15-25' | '25+' | null;
  /**
   * The status last seen before this change; ON_TRACK when this balance had not been seen off track before.
   */
  previousStatus:
    | 'ON_TRACK'
    | 'BEHIND_5_15'
    | 'BEHIND_15_25'
    | 'BEHIND_25_PLUS'
    | 'AHEAD_5_15'
    | 'AHEAD_15_25'
    | 'AHEAD_25_PLUS';
  /**
   * The band of previousStatus, or null when it was ON_TRACK.
   */
  previousBand: '5-15' | '15-25' | '25+' | null;
  /**
   * The balance on that day, opening balance included: hours (two decimals) or a count.
   */
  worked: number;
  /**
   * The share of the target expected by that day, pro rata over the agreement's days (two decimals).
   */
  expectedToDate: number;
  /**
   * The agreement's target for the type over its whole length.
   */
  target: number;
  /**
   * (worked - expectedToDate) / expectedToDate in per cent, one decimal: negative when behind; null when nothing is expected yet.
   */
  deviationPercent: number | null;
  /**
   * Grows by one on every status change of this agreement's type.
   */
  version: number;
}

/**
 * An employee's balance of one accrual type changed from a day on (a time entry or agreement was applied).
 */
export interface AccrualsBalanceChangedV1 {
  /**
   * The employee whose balance this is.
   */
  employeeId: string;
  /**
   * The accrual type.
   */
  accrualType: AccrualType;
  /**
   * The earliest local day whose cumulative total changed (ISO date).
   */
  date: string;
  /**
   * The new cumulative total on that day, opening balance included: hours (two decimals) or a count for ON_CALL types.
   */
  cumulative: number;
  /**
   * Grows by one on every change of this employee's balance of this type.
   */
  version: number;
}

/**
 * An agreement was amended: a new version from effectiveFrom.
 */
export interface AgreementsAgreementAmendedV1 {
  /**
   * The agreement's id.
   */
  agreementId: string;
  /**
   * The employee's id.
   */
  employeeId: string;
  /**
   * The agreement's version after this change; grows on every change.
   */
  version: number;
  /**
   * The day this version takes effect (ISO date).
   */
  effectiveFrom: string;
  /**
   * Agreement type code, e.g. AHA.
   */
  agreementType: string;
  /**
   * First day of the agreement (ISO date).
   */
  startDate: string;
  /**
   * Last day of the agreement, inclusive (ISO date).
   */
  endDate: string;
  /**
   * Full-time equivalent, more than 0 and at most 1, four decimals.
   */
  fte: number;
  /**
   * Contracted hours a week (optional: absent in events before it was added).
   */
  weeklyHours?: number;
  /**
   * The days of the week the person works, in week order (optional, as weeklyHours).
   */
  workingDays?: ('MON' | 'TUE' | 'WED' | 'THU' | 'FRI' | 'SAT' | 'SUN')[];
  /**
   * Annual leave entitlement in days for a full leave year (optional, as weeklyHours).
   */
  annualLeaveDays?: number;
  /**
   * The targets the agreement sets, one per accrual type given.
   *
   * @maxItems 7
   */
  targets: AccrualTotal[];
  /**
   * Opening balances, for people who join mid-year.
   *
   * @maxItems 7
   */
  openingBalances: AccrualTotal[];
  /**
   * The action (mutation or import) that caused the change.
   */
  correlationId: string;
}

/**
 * An agreement was created (by HR or a TAMS import); version 1.
 */
export type AgreementsAgreementCreatedV1 = AgreementsAgreementAmendedV1;

/**
 * An amendment moved an agreement's end date earlier; sent beside amended.
 */
export interface AgreementsAgreementEndedV1 {
  /**
   * The agreement's id.
   */
  agreementId: string;
  /**
   * The employee's id.
   */
  employeeId: string;
  /**
   * The agreement's version after this change; grows on every change.
   */
  version: number;
  /**
   * The day this version takes effect (ISO date).
   */
  effectiveFrom: string;
  /**
   * Agreement type code, e.g. AHA.
   */
  agreementType: string;
  /**
   * First day of the agreement (ISO date).
   */
  startDate: string;
  /**
   * Last day of the agreement, inclusive (ISO date).
   */
  endDate: string;
  /**
   * Full-time equivalent, more than 0 and at most 1, four decimals.
   */
  fte: number;
  /**
   * Contracted hours a week (optional: absent in events before it was added).
   */
  weeklyHours?: number;
  /**
   * The days of the week the person works, in week order (optional, as weeklyHours).
   */
  workingDays?: ('MON' | 'TUE' | 'WED' | 'THU' | 'FRI' | 'SAT' | 'SUN')[];
  /**
   * Annual leave entitlement in days for a full leave year (optional, as weeklyHours).
   */
  annualLeaveDays?: number;
  /**
   * The targets the agreement sets, one per accrual type given.
   *
   * @maxItems 7
   */
  targets: AccrualTotal[];
  /**
   * Opening balances, for people who join mid-year.
   *
   * @maxItems 7
   */
  openingBalances: AccrualTotal[];
  /**
   * The action (mutation or import) that caused the change.
   */
  correlationId: string;
  /**
   * The end date before this change (ISO date).
   */
  previousEndDate: string;
}

/**
 * Daily processing found a working day without check-in and without leave; once per day.
 */
export interface AttendanceAbsenceDetectedV1 {
  /**
   * The processed day's id.
   */
  dayId: string;
  /**
   * The employee's id.
   */
  employeeId: string;
  /**
   * The employee's local day.
   */
  date: string;
  /**
   * The day's version; grows each time processing changes its outcome.
   */
  version: number;
  /**
   * The employee's line manager in attendance's copy, or null.
   */
  managerId: string | null;
}

/**
 * An employee checked in (at a device, or through HR or a kiosk).
 */
export interface AttendanceCheckInRecordedV1 {
  /**
   * The attendance entry's id.
   */
  entryId: string;
  /**
   * The employee's id.
   */
  employeeId: string;
  /**
   * The entity's version after this change; grows on every change.
   */
  version: number;
  /**
   * The employee's local day of the check-in.
   */
  date: string;
  /**
   * When the employee checked in.
   */
  checkInTime: string;
  /**
   * Where (free text), or null.
   */
  location: string | null;
  /**
   * The device (free text), or null.
   */
  device: string | null;
  /**
   * The planned start it was measured against, or null on a non-working day.
   */
  plannedStart: string | null;
  /**
   * Whether the check-in came after the planned start plus the grace period.
   */
  late: boolean;
  /**
   * Minutes after the planned start when late; 0 otherwise.
   */
  lateByMinutes: number;
}

/**
 * An employee checked out of their open check-in.
 */
export interface AttendanceCheckOutRecordedV1 {
  /**
   * The attendance entry's id.
   */
  entryId: string;
  /**
   * The employee's id.
   */
  employeeId: string;
  /**
   * The entity's version after this change; grows on every change.
   */
  version: number;
  /**
   * The employee's local day of the check-in.
   */
  date: string;
  /**
   * When the employee checked in.
   */
  checkInTime: string;
  /**
   * When the employee checked out.
   */
  checkOutTime: string;
  /**
   * Where (free text), or null.
   */
  location: string | null;
  /**
   * The device (free text), or null.
   */
  device: string | null;
  /**
   * Minutes between check-in and check-out.
   */
  workedMinutes: number;
  /**
   * Minutes before the planned end, for an early exit; 0 otherwise.
   */
  earlyExitMinutes: number;
}

/**
 * Daily processing stored (or changed) an employee's day: status, worked, late and overtime minutes. Not sent again when a rerun changes nothing.
 */
export interface AttendanceDayProcessedV1 {
  /**
   * The processed day's id.
   */
  dayId: string;
  /**
   * The employee's id.
   */
  employeeId: string;
  /**
   * The employee's local day.
   */
  date: string;
  /**
   * The day's version; grows each time processing changes its outcome.
   */
  version: number;
  /**
   * The day's status; null when the day no longer has a record (a non-working day).
   */
  status: 'PRESENT' | 'HALF_DAY' | 'INCOMPLETE' | 'ON_LEAVE' | 'ABSENT' | null;
  /**
   * Minutes worked.
   */
  workedMinutes: number;
  /**
   * Minutes planned (published shifts, else working pattern).
   */
  plannedMinutes: number;
  /**
   * Minutes late; 0 when not late.
   */
  lateByMinutes: number;
  /**
   * Minutes of early exit; 0 when none.
   */
  earlyExitMinutes: number;
  /**
   * Minutes worked beyond the planned ones, beyond the tolerance; 0 otherwise.
   */
  overtimeMinutes: number;
  /**
   * The ATTENDANCE policy version (compliance) in force at the start of the local day, which judged the day; absent on events from before policies were versioned.
   */
  policyVersion?: number;
  /**
   * Minutes between a check-out and the next check-in that day, added up; 0 when the day held no such gap. Absent from days processed before it was sent.
   */
  breakMinutes?: number;
}

/**
 * Daily processing found a late first check-in (after the planned start plus grace); once per day.
 */
export interface AttendanceLateArrivalDetectedV1 {
  /**
   * The processed day's id.
   */
  dayId: string;
  /**
   * The employee's id.
   */
  employeeId: string;
  /**
   * The employee's local day.
   */
  date: string;
  /**
   * The day's version; grows each time processing changes its outcome.
   */
  version: number;
  /**
   * The employee's line manager in attendance's copy, or null.
   */
  managerId: string | null;
  /**
   * The day's first check-in.
   */
  checkInTime: string;
  /**
   * Minutes after the planned start.
   */
  lateByMinutes: number;
  /**
   * The ATTENDANCE policy version (compliance) in force at the check-in, whose grace the lateness was judged by; absent on events from before policies were versioned.
   */
  policyVersion?: number;
}

/**
 * A manager or HR recorded a manual attendance entry, or a correction that keeps the original.
 */
export interface AttendanceManualEntryRecordedV1 {
  /**
   * The attendance entry's id.
   */
  entryId: string;
  /**
   * The employee's id.
   */
  employeeId: string;
  /**
   * The entity's version after this change; grows on every change.
   */
  version: number;
  /**
   * The employee's local day of the check-in.
   */
  date: string;
  /**
   * When the employee arrived.
   */
  checkInTime: string;
  /**
   * When they left, or null if open.
   */
  checkOutTime: string | null;
  /**
   * Why the entry was recorded by hand.
   */
  reason: string;
  /**
   * Subject of the manager or HR user who recorded it.
   */
  recordedBy: string;
  /**
   * The entry this one corrects (it stays, superseded), or null.
   */
  correctsEntryId: string | null;
  /**
   * Minutes after the planned start when late; 0 otherwise.
   */
  lateByMinutes: number;
}

/**
 * An administrator discarded a dead letter: it was removed without being applied.
 */
export interface AuditDeadLetterDiscardedV1 {
  /**
   * The dead letter's id (its sequence in HR_DLQ).
   */
  deadLetterId: string;
  /**
   * The durable consumer that gave up on the event, `<subgraph>_<handler>`.
   */
  consumer: string;
  /**
   * The type of the event that was dead-lettered.
   */
  eventType: string;
  /**
   * The id of the event that was dead-lettered; null when its payload could not be read.
   */
  eventId: string | null;
  /**
   * Why it was discarded, as the administrator said.
   */
  reason: string;
}

/**
 * A consumer gave up on an event and it arrived in the dead letters (HR_DLQ); administrators are told so they can replay or discard it.
 */
export interface AuditDeadLetterRecordedV1 {
  /**
   * The dead letter's id (its sequence in HR_DLQ).
   */
  deadLetterId: string;
  /**
   * The durable consumer that gave up on the event, `<subgraph>_<handler>`.
   */
  consumer: string;
  /**
   * The type of the event that was dead-lettered.
   */
  eventType: string;
  /**
   * The id of the event that was dead-lettered; null when its payload could not be read.
   */
  eventId: string | null;
  /**
   * `EVENT_INVALID` (failed the catalogue, never handled) or `HANDLER_FAILED` (the handler failed on every delivery).
   */
  reason: 'EVENT_INVALID' | 'HANDLER_FAILED';
  /**
   * The validation message or the handler's last error.
   */
  error: string;
  /**
   * Deliveries to the consumer before it gave up.
   */
  attempts: number;
  /**
   * When the consumer first failed on the event.
   */
  firstFailedAt: string;
  /**
   * When it gave up.
   */
  lastFailedAt: string;
}

/**
 * An administrator replayed a dead letter: the consumer that had failed applied the event (or found it already applied) and the dead letter was removed.
 */
export interface AuditDeadLetterReplayedV1 {
  /**
   * The dead letter's id (its sequence in HR_DLQ).
   */
  deadLetterId: string;
  /**
   * The durable consumer that gave up on the event, `<subgraph>_<handler>`.
   */
  consumer: string;
  /**
   * The type of the event that was dead-lettered.
   */
  eventType: string;
  /**
   * The id of the event that was dead-lettered; null when its payload could not be read.
   */
  eventId: string | null;
  /**
   * The consumer had already applied the event, so the replay changed nothing.
   */
  alreadyApplied: boolean;
}

/**
 * The retention job removed audit entries older than the retention period; the purge is itself audited.
 */
export interface AuditRetentionPurgedV1 {
  /**
   * How many entries were removed.
   */
  purgedCount: number;
  /**
   * Entries recorded before this instant were removed.
   */
  before: string;
}

/**
 * A ledger day was closed: end-of-day balances stored, nothing more can be booked on it.
 */
export interface BillingDayClosedV1 {
  /**
   * The closed ledger day (ISO date, Europe/London).
   */
  date: string;
  /**
   * Transactions booked on the day.
   */
  transactionCount: number;
  /**
   * Of those, transactions for an earlier, already closed work day.
   */
  lateTransactionCount: number;
  /**
   * Accounts with an end-of-day balance stored.
   */
  accountCount: number;
  /**
   * Per currency: debits and credits booked on the day, and the sum of debit balances at its end.
   */
  totals: {
    /**
     * ISO 4217 code.
     */
    currency: string;
    /**
     * Debits booked on the day, minor units.
     */
    debitMinor: number;
    /**
     * Credits booked on the day, minor units (positive).
     */
    creditMinor: number;
    /**
     * Sum of the debit balances at the end of the day (equal to the credit balances).
     */
    closingDebitBalanceMinor: number;
  }[];
  /**
   * Always 1: a closed day never changes.
   */
  version: number;
}

/**
 * HR or FINANCE created a grade as reference data, before anyone need hold it.
 */
export interface BillingGradeCreatedV1 {
  /**
   * The grade's code, as the employees domain names it.
   */
  grade: string;
  /**
   * What the grade is; null when none was given.
   */
  description: string | null;
  /**
   * True when the grade is for nobody new.
   */
  retired: boolean;
  /**
   * The grade's version: 1 when created, one more per change.
   */
  version: number;
}

/**
 * HR or FINANCE described, retired or brought back a grade.
 */
export interface BillingGradeUpdatedV1 {
  /**
   * The grade's code, as the employees domain names it.
   */
  grade: string;
  /**
   * What the grade is; null when none was given.
   */
  description: string | null;
  /**
   * True when the grade is for nobody new.
   */
  retired: boolean;
  /**
   * The values before the change.
   */
  previous: {
    /**
     * What the grade is; null when none was given.
     */
    description: string | null;
    /**
     * True when the grade is for nobody new.
     */
    retired: boolean;
  };
  /**
   * The grade's version: 1 when created, one more per change.
   */
  version: number;
}

/**
 * FINANCE set a grade's rate card from a day on; work on or after that day is re-costed and waiting entries it covers are costed. `kind` says whether it was scheduled, backdated or a dated correction.
 */
export interface BillingRateCardSetV1 {
  /**
   * The rate card's id.
   */
  rateCardId: string;
  /**
   * The pay grade the card is for.
   */
  grade: string;
  /**
   * First ledger day the card is in effect (ISO date).
   */
  effectiveFrom: string;
  /**
   * Pay per hour of ordinary time.
   */
  baseHourlyRate: {
    /**
     * Integer minor units.
     */
    amountMinor: number;
    /**
     * ISO 4217 code.
     */
    currency: string;
  };
  /**
   * Multiplier for OVERTIME minutes (1 to 10).
   */
  overtimeMultiplier: number;
  /**
   * Multiplier for minutes in 23:00-06:00 local time (1 to 10).
   */
  nightMultiplier: number;
  /**
   * Multiplier for minutes on a public holiday (1 to 10).
   */
  publicHolidayMultiplier: number;
  /**
   * SCHEDULED (from today or later), BACKDATED (from a past day with nothing of the grade costed since) or CORRECTION (costs since that day reversed and posted again). Absent on events from before kinds were told.
   */
  kind?: 'SCHEDULED' | 'BACKDATED' | 'CORRECTION';
  /**
   * Why a correction was made, as FINANCE gave it.
   */
  correctionReason?: string;
  /**
   * COST transactions the card reversed.
   */
  reversedTransactions?: number;
  /**
   * COST transactions the card posted (re-costs and waiting entries).
   */
  postedTransactions?: number;
  /**
   * Entries that were waiting for a rate and that the card costed.
   */
  costedWaitingEntries?: number;
  /**
   * Always 1: a card is never changed; a new card for the same day supersedes it.
   */
  version: number;
}

/**
 * HR or ADMIN added a training course; the data holds the whole course.
 */
export interface ComplianceCourseCreatedV1 {
  /**
   * The course's id.
   */
  courseId: string;
  /**
   * The course's unique code.
   */
  code: string;
  /**
   * The course's title.
   */
  title: string;
  /**
   * What it covers; null when none was given.
   */
  description: string | null;
  /**
   * Months a completion stays valid; null when it never expires.
   */
  validityMonths: number | null;
  /**
   * True when the course is no longer assigned to anyone new.
   */
  retired: boolean;
  /**
   * The course's version: 1 when created, one more per change.
   */
  version: number;
}

/**
 * HR or ADMIN changed a training course (title, description, validity, retired); the data holds the whole course and what changed.
 */
export interface ComplianceCourseUpdatedV1 {
  /**
   * The course's id.
   */
  courseId: string;
  /**
   * The course's unique code.
   */
  code: string;
  /**
   * The course's title.
   */
  title: string;
  /**
   * What it covers; null when none was given.
   */
  description: string | null;
  /**
   * Months a completion stays valid; null when it never expires.
   */
  validityMonths: number | null;
  /**
   * True when the course is no longer assigned to anyone new.
   */
  retired: boolean;
  /**
   * The course's version: 1 when created, one more per change.
   */
  version: number;
  /**
   * The fields the change changed (title, description, validityMonths, retired), each with its value before and after.
   */
  changes: {
    /**
     * title before and after.
     */
    title?: {
      /**
       * The value before.
       */
      old: string;
      /**
       * The value after.
       */
      new: string;
    };
    /**
     * description before and after.
     */
    description?: {
      /**
       * The value before.
       */
      old: string | null;
      /**
       * The value after.
       */
      new: string | null;
    };
    /**
     * validityMonths before and after.
     */
    validityMonths?: {
      /**
       * The value before.
       */
      old: number | null;
      /**
       * The value after.
       */
      new: number | null;
    };
    /**
     * retired before and after.
     */
    retired?: {
      /**
       * The value before.
       */
      old: boolean;
      /**
       * The value after.
       */
      new: boolean;
    };
  };
}

/**
 * HR or ADMIN put a new version of a policy in force from a given instant; the data holds the whole version.
 */
export type CompliancePolicyUpdatedV1 = {
  /**
   * The kind of policy.
   */
  kind: 'LEAVE' | 'ATTENDANCE' | 'WORKING_TIME' | 'RETENTION';
  /**
   * The leave type of a LEAVE policy; DEFAULT for the other kinds.
   */
  key: 'ANNUAL' | 'SICK' | 'CASUAL' | 'COMPASSIONATE' | 'PARENTAL' | 'UNPAID' | 'TOIL' | 'DEFAULT';
  /**
   * The policy's version: 1 is the defaults, each change adds one.
   */
  version: number;
  /**
   * The instant from which this version is in force.
   */
  effectiveFrom: string;
  /**
   * The rules of this version, whole; their shape is the kind's.
   */
  rules: LeaveRules | AttendanceRules | WorkingTimeRules | RetentionRules;
  /**
   * The rules of the version before.
   */
  previous: LeaveRules | AttendanceRules | WorkingTimeRules | RetentionRules;
  /**
   * Why HR made the change; null when none was given.
   */
  reason: string | null;
};

/**
 * A person was given a course to complete by a due date (named by HR, or as a member of a department the course was assigned to), or an assignment's due date was brought forward. One event per assignment.
 */
export interface ComplianceTrainingAssignedV1 {
  /**
   * The assignment's id (one per person and course).
   */
  assignmentId: string;
  /**
   * The person who must complete the course.
   */
  employeeId: string;
  /**
   * The course's id.
   */
  courseId: string;
  /**
   * The course's code.
   */
  courseCode: string;
  /**
   * The course's title.
   */
  courseTitle: string;
  /**
   * The assignment's version: 1 when made, one more per change.
   */
  version: number;
  /**
   * The day it must be completed by.
   */
  dueDate: string;
  /**
   * The department whose assignment brought this one; null when the person was named.
   */
  department: string | null;
}

/**
 * A completion was recorded on an assignment (by hand or by an import), replacing any earlier one; it is valid until expiresOn.
 */
export interface ComplianceTrainingCompletedV1 {
  /**
   * The assignment's id (one per person and course).
   */
  assignmentId: string;
  /**
   * The person who must complete the course.
   */
  employeeId: string;
  /**
   * The course's id.
   */
  courseId: string;
  /**
   * The course's code.
   */
  courseCode: string;
  /**
   * The course's title.
   */
  courseTitle: string;
  /**
   * The assignment's version: 1 when made, one more per change.
   */
  version: number;
  /**
   * The day the course was completed.
   */
  completedOn: string;
  /**
   * The day the completion stops being valid; null when it never does.
   */
  expiresOn: string | null;
  /**
   * The completion it replaces; null when it is the first.
   */
  previousCompletedOn: string | null;
  /**
   * How it was recorded: by hand, or from an imported file.
   */
  source: 'MANUAL' | 'IMPORT';
}

/**
 * The daily training job found an assignment that falls due, or whose completion expires, within the reminder window (or already has): raised once per assignment and deadline.
 */
export interface ComplianceTrainingDueReachedV1 {
  /**
   * The assignment's id (one per person and course).
   */
  assignmentId: string;
  /**
   * The person who must complete the course.
   */
  employeeId: string;
  /**
   * The course's id.
   */
  courseId: string;
  /**
   * The course's code.
   */
  courseCode: string;
  /**
   * The course's title.
   */
  courseTitle: string;
  /**
   * The assignment's version: 1 when made, one more per change.
   */
  version: number;
  /**
   * The person's manager in compliance's copy; null when none.
   */
  managerId: string | null;
  /**
   * The deadline: the due date of a course never completed, else the day its completion expires.
   */
  dueDate: string;
  /**
   * True when a completion expires (a renewal is due), false for a first completion.
   */
  renewal: boolean;
  /**
   * Where the assignment stands as the reminder is raised.
   */
  status: 'DUE' | 'EXPIRING' | 'OVERDUE';
}

/**
 * HR or ADMIN closed a violation with a note saying what was done about it.
 */
export interface ComplianceViolationClosedV1 {
  /**
   * The violation's id.
   */
  violationId: string;
  /**
   * The employee concerned.
   */
  employeeId: string;
  /**
   * The rule breached.
   */
  rule: 'HR_EXCEPTION' | 'DAILY_OVERTIME_CAP' | 'LONGEST_SHIFT' | 'MINIMUM_BREAK' | 'LATE_PATTERN';
  /**
   * The violation's version after closing.
   */
  version: number;
  /**
   * When it was closed.
   */
  closedAt: string;
  /**
   * Who closed it (the token's subject).
   */
  closedBy: string;
  /**
   * HR's note on closing.
   */
  note: string;
}

/**
 * Compliance found a breach of a policy after the fact (in another domain's event) and recorded it as an open violation.
 */
export interface ComplianceViolationDetectedV1 {
  /**
   * The violation's id.
   */
  violationId: string;
  /**
   * The employee concerned.
   */
  employeeId: string;
  /**
   * The employee's line manager in compliance's copy, or null.
   */
  managerId: string | null;
  /**
   * The rule breached.
   */
  rule: 'HR_EXCEPTION' | 'DAILY_OVERTIME_CAP' | 'LONGEST_SHIFT' | 'MINIMUM_BREAK' | 'LATE_PATTERN';
  /**
   * The first local day the breach concerns.
   */
  fromDate: string;
  /**
   * The last local day it concerns (the same day for a one-day breach).
   */
  toDate: string;
  /**
   * What was found, in words.
   */
  message: string;
  /**
   * The policy version the breach was judged by, or null when none was.
   */
  policy: {
    /**
     * The kind of policy.
     */
    kind: 'LEAVE' | 'ATTENDANCE' | 'WORKING_TIME' | 'RETENTION';
    /**
     * The leave type of a LEAVE policy; DEFAULT for the other kinds.
     */
    key: string;
    /**
     * The policy's version: 1 is the deployment's defaults.
     */
    version: number;
  } | null;
  /**
   * The type of the event the breach was found in.
   */
  source: string;
  /**
   * The id of the event the breach was found in (for a late pattern: the late arrival that completed it).
   */
  sourceEventId: string;
  /**
   * When compliance recorded it.
   */
  detectedAt: string;
  /**
   * The violation's version: 1 when detected.
   */
  version: number;
  /**
   * The figures behind the finding; which ones depend on the rule.
   */
  details: {
    /**
     * DAILY_OVERTIME_CAP: the day's overtime; LONGEST_SHIFT and MINIMUM_BREAK: the day's worked minutes.
     */
    minutes?: number;
    /**
     * The policy's limit the minutes went over (the cap, the longest shift, or the work after which a break is due).
     */
    limitMinutes?: number;
    /**
     * MINIMUM_BREAK: the break taken that day.
     */
    breakMinutes?: number;
    /**
     * MINIMUM_BREAK: the break the policy asks for.
     */
    breakDueMinutes?: number;
    /**
     * LATE_PATTERN: the late arrivals within the window.
     */
    lateArrivals?: number;
    /**
     * LATE_PATTERN: the policy's window, in days.
     */
    windowDays?: number;
    /**
     * HR_EXCEPTION: the working-time rules HR's exception waived.
     *
     * Items: A working-time rule.
     */
    waivedRules?: ('FUTURE_START' | 'MAX_ENTRY_LENGTH' | 'DAILY_OVERTIME_CAP' | 'MINIMUM_BREAK')[];
    /**
     * HR_EXCEPTION: HR's reason for the exception.
     */
    reason?: string;
  };
}

/**
 * An employee was hired into the HR master. Carries the core record; never salary or phone.
 */
export interface EmployeesEmployeeCreatedV1 {
  /**
   * The employee's id.
   */
  employeeId: string;
  /**
   * The human employee number.
   */
  employeeNumber: string;
  /**
   * The employee's version after this change; grows on every change.
   */
  version: number;
  /**
   * Given name.
   */
  firstName: string;
  /**
   * Family name.
   */
  lastName: string;
  /**
   * Work email, unique.
   */
  email: string;
  /**
   * Department, also the cost centre.
   */
  department: string;
  /**
   * Job title.
   */
  jobTitle: string;
  /**
   * Pay grade; rate cards are per grade.
   */
  grade: string;
  /**
   * Kind of contract.
   */
  employmentType: 'FULL_TIME' | 'PART_TIME' | 'CONTRACTOR';
  /**
   * Lifecycle status.
   */
  status: 'ACTIVE' | 'INACTIVE' | 'ON_LEAVE' | 'TERMINATED';
  /**
   * First working day (ISO date).
   */
  hireDate: string;
  /**
   * The line manager's employee id, or null.
   */
  managerId: string | null;
  /**
   * Region for public holidays: a UK nation or an ISO country code.
   */
  location: string;
  /**
   * IANA time zone that cuts the employee's days.
   */
  timeZone: string;
}

/**
 * An employee's lifecycle status changed, e.g. ACTIVE to ON_LEAVE.
 */
export interface EmployeesEmployeeStatusChangedV1 {
  /**
   * The employee's id.
   */
  employeeId: string;
  /**
   * The human employee number.
   */
  employeeNumber: string;
  /**
   * The employee's version after this change; grows on every change.
   */
  version: number;
  /**
   * Status before.
   */
  from: 'ACTIVE' | 'INACTIVE' | 'ON_LEAVE' | 'TERMINATED';
  /**
   * Status after.
   */
  to: 'ACTIVE' | 'INACTIVE' | 'ON_LEAVE' | 'TERMINATED';
}

/**
 * An employee was terminated (final); other domains keep their history.
 */
export interface EmployeesEmployeeTerminatedV1 {
  /**
   * The employee's id.
   */
  employeeId: string;
  /**
   * The human employee number.
   */
  employeeNumber: string;
  /**
   * The employee's version after this change; grows on every change.
   */
  version: number;
  /**
   * Last working day (ISO date).
   */
  terminationDate: string;
}

/**
 * Core or personal fields of an employee changed (status and manager have their own events); terminationDate changes when a termination is scheduled for a later day, moved or withdrawn (the termination itself is employees.employee.terminated).
 */
export interface EmployeesEmployeeUpdatedV1 {
  /**
   * The employee's id.
   */
  employeeId: string;
  /**
   * The human employee number.
   */
  employeeNumber: string;
  /**
   * The employee's version after this change; grows on every change.
   */
  version: number;
  /**
   * Each changed field with its old and new value; personal fields (phone, salary) masked.
   */
  changes: {
    employeeNumber?: CodeChange;
    firstName?: NameChange;
    lastName?: NameChange;
    email?: EmailChange;
    department?: TextChange;
    jobTitle?: TextChange;
    grade?: CodeChange;
    employmentType?: EmploymentTypeChange;
    hireDate?: DateChange;
    location?: LocationChange;
    timeZone?: TimeZoneChange;
    terminationDate?: DateChange;
    phone?: MaskedChange;
    salary?: MaskedChange;
  };
}
/**
 * A code: 1 to 50 characters.
 */
export interface CodeChange {
  old: string | null;
  new: string | null;
}
/**
 * A name: 1 to 100 characters.
 */
export interface NameChange {
  old: string | null;
  new: string | null;
}
export interface EmailChange {
  old: string | null;
  new: string | null;
}
/**
 * Free text: 1 to 200 characters.
 */
export interface TextChange {
  old: string | null;
  new: string | null;
}
export interface EmploymentTypeChange {
  old: string | null;
  new: string | null;
}
export interface DateChange {
  old: string | null;
  new: string | null;
}
/**
 * A UK nation or an ISO country code.
 */
export interface LocationChange {
  old: string | null;
  new: string | null;
}
/**
 * An IANA time zone.
 */
export interface TimeZoneChange {
  old: string | null;
  new: string | null;
}
/**
 * A personal field: values are masked as *** (null when there was no value).
 */
export interface MaskedChange {
  old: '***' | null;
  new: '***' | null;
}

/**
 * An employee's line manager was set, changed or removed.
 */
export interface EmployeesManagerAssignedV1 {
  /**
   * The employee's id.
   */
  employeeId: string;
  /**
   * The human employee number.
   */
  employeeNumber: string;
  /**
   * The employee's version after this change; grows on every change.
   */
  version: number;
  /**
   * The new line manager's employee id, or null when removed.
   */
  managerId: string | null;
  /**
   * The line manager before, or null.
   */
  previousManagerId: string | null;
}

/**
 * A pending leave request was approved by the employee's manager or HR.
 */
export interface LeaveRequestApprovedV1 {
  /**
   * The leave request's id.
   */
  requestId: string;
  /**
   * The employee whose leave it is.
   */
  employeeId: string;
  /**
   * The request's version after this change; grows on every change.
   */
  version: number;
  /**
   * The kind of leave.
   */
  leaveType: 'ANNUAL' | 'SICK' | 'CASUAL' | 'COMPASSIONATE' | 'PARENTAL' | 'UNPAID' | 'TOIL';
  /**
   * Whether this leave type is paid.
   */
  paid: boolean;
  /**
   * The request's status after this change.
   */
  status: 'APPROVED';
  /**
   * First day of leave (ISO date).
   */
  startDate: string;
  /**
   * Last day of leave, inclusive (ISO date).
   */
  endDate: string;
  /**
   * Whether the first day is a half day.
   */
  halfDayStart: boolean;
  /**
   * Whether the last day is a half day.
   */
  halfDayEnd: boolean;
  /**
   * Days charged, in halves of a day.
   */
  days: number;
  /**
   * Each day the leave charges (working days less public holidays), with 1 or 0.5 days; attendance marks them ON_LEAVE.
   *
   * @minItems 1
   * @maxItems 366
   */
  dates: [
    {
      /**
       * The day (ISO date).
       */
      date: string;
      /**
       * 1 for a whole day, 0.5 for a half day.
       */
      days: 0.5 | 1;
    },
    ...{
      /**
       * The day (ISO date).
       */
      date: string;
      /**
       * 1 for a whole day, 0.5 for a half day.
       */
      days: 0.5 | 1;
    }[],
  ];
  /**
   * The employee's line manager when the request was made, or null.
   */
  managerId: string | null;
  /**
   * Who approved it. Null for a service principal.
   */
  approvedBy: string | null;
  /**
   * When it was approved.
   */
  approvedAt: string;
}

/**
 * A pending, or approved and not yet started, leave request was cancelled by the employee or HR.
 */
export interface LeaveRequestCancelledV1 {
  /**
   * The leave request's id.
   */
  requestId: string;
  /**
   * The employee whose leave it is.
   */
  employeeId: string;
  /**
   * The request's version after this change; grows on every change.
   */
  version: number;
  /**
   * The kind of leave.
   */
  leaveType: 'ANNUAL' | 'SICK' | 'CASUAL' | 'COMPASSIONATE' | 'PARENTAL' | 'UNPAID' | 'TOIL';
  /**
   * Whether this leave type is paid.
   */
  paid: boolean;
  /**
   * The request's status after this change.
   */
  status: 'CANCELLED';
  /**
   * First day of leave (ISO date).
   */
  startDate: string;
  /**
   * Last day of leave, inclusive (ISO date).
   */
  endDate: string;
  /**
   * Whether the first day is a half day.
   */
  halfDayStart: boolean;
  /**
   * Whether the last day is a half day.
   */
  halfDayEnd: boolean;
  /**
   * Days charged, in halves of a day.
   */
  days: number;
  /**
   * Each day the leave charges (working days less public holidays), with 1 or 0.5 days; attendance marks them ON_LEAVE.
   *
   * @minItems 1
   * @maxItems 366
   */
  dates: [
    {
      /**
       * The day (ISO date).
       */
      date: string;
      /**
       * 1 for a whole day, 0.5 for a half day.
       */
      days: 0.5 | 1;
    },
    ...{
      /**
       * The day (ISO date).
       */
      date: string;
      /**
       * 1 for a whole day, 0.5 for a half day.
       */
      days: 0.5 | 1;
    }[],
  ];
  /**
   * The employee's line manager when the request was made, or null.
   */
  managerId: string | null;
  /**
   * The status before cancelling: PENDING or APPROVED (approved days are free again).
   */
  previousStatus: 'PENDING' | 'APPROVED';
  /**
   * Who cancelled it. Null for a service principal.
   */
  cancelledBy: string | null;
  /**
   * When it was cancelled.
   */
  cancelledAt: string;
}

/**
 * A leave request was made; it waits for the manager's (or HR's) decision.
 */
export interface LeaveRequestCreatedV1 {
  /**
   * The leave request's id.
   */
  requestId: string;
  /**
   * The employee whose leave it is.
   */
  employeeId: string;
  /**
   * The request's version after this change; grows on every change.
   */
  version: number;
  /**
   * The kind of leave.
   */
  leaveType: 'ANNUAL' | 'SICK' | 'CASUAL' | 'COMPASSIONATE' | 'PARENTAL' | 'UNPAID' | 'TOIL';
  /**
   * Whether this leave type is paid.
   */
  paid: boolean;
  /**
   * The request's status after this change.
   */
  status: 'PENDING';
  /**
   * First day of leave (ISO date).
   */
  startDate: string;
  /**
   * Last day of leave, inclusive (ISO date).
   */
  endDate: string;
  /**
   * Whether the first day is a half day.
   */
  halfDayStart: boolean;
  /**
   * Whether the last day is a half day.
   */
  halfDayEnd: boolean;
  /**
   * Days charged, in halves of a day.
   */
  days: number;
  /**
   * Each day the leave charges (working days less public holidays), with 1 or 0.5 days; attendance marks them ON_LEAVE.
   *
   * @minItems 1
   * @maxItems 366
   */
  dates: [
    {
      /**
       * The day (ISO date).
       */
      date: string;
      /**
       * 1 for a whole day, 0.5 for a half day.
       */
      days: 0.5 | 1;
    },
    ...{
      /**
       * The day (ISO date).
       */
      date: string;
      /**
       * 1 for a whole day, 0.5 for a half day.
       */
      days: 0.5 | 1;
    }[],
  ];
  /**
   * The employee's line manager when the request was made, or null.
   */
  managerId: string | null;
  /**
   * Who made the request: the employee, or HR on their behalf. Null for a service principal.
   */
  requestedBy: string | null;
}

/**
 * A pending leave request was rejected by the employee's manager or HR.
 */
export interface LeaveRequestRejectedV1 {
  /**
   * The leave request's id.
   */
  requestId: string;
  /**
   * The employee whose leave it is.
   */
  employeeId: string;
  /**
   * The request's version after this change; grows on every change.
   */
  version: number;
  /**
   * The kind of leave.
   */
  leaveType: 'ANNUAL' | 'SICK' | 'CASUAL' | 'COMPASSIONATE' | 'PARENTAL' | 'UNPAID' | 'TOIL';
  /**
   * Whether this leave type is paid.
   */
  paid: boolean;
  /**
   * The request's status after this change.
   */
  status: 'REJECTED';
  /**
   * First day of leave (ISO date).
   */
  startDate: string;
  /**
   * Last day of leave, inclusive (ISO date).
   */
  endDate: string;
  /**
   * Whether the first day is a half day.
   */
  halfDayStart: boolean;
  /**
   * Whether the last day is a half day.
   */
  halfDayEnd: boolean;
  /**
   * Days charged, in halves of a day.
   */
  days: number;
  /**
   * Each day the leave charges (working days less public holidays), with 1 or 0.5 days; attendance marks them ON_LEAVE.
   *
   * @minItems 1
   * @maxItems 366
   */
  dates: [
    {
      /**
       * The day (ISO date).
       */
      date: string;
      /**
       * 1 for a whole day, 0.5 for a half day.
       */
      days: 0.5 | 1;
    },
    ...{
      /**
       * The day (ISO date).
       */
      date: string;
      /**
       * 1 for a whole day, 0.5 for a half day.
       */
      days: 0.5 | 1;
    }[],
  ];
  /**
   * The employee's line manager when the request was made, or null.
   */
  managerId: string | null;
  /**
   * Who rejected it. Null for a service principal.
   */
  rejectedBy: string | null;
  /**
   * When it was rejected.
   */
  rejectedAt: string;
  /**
   * Why, as the decider wrote it; null when none was given.
   */
  rejectionReason: string | null;
}

/**
 * A notification was stored for one recipient (from an event's template, or sent by HR or SYSTEM); feeds the gateway's notificationReceived subscription.
 */
export interface NotificationsNotificationCreatedV1 {
  /**
   * The notification's id.
   */
  notificationId: string;
  /**
   * The employee it is for; only they may read it.
   */
  recipientId: string;
  /**
   * What it is about.
   */
  type:
    | 'LEAVE_REQUESTED'
    | 'LEAVE_APPROVED'
    | 'LEAVE_REJECTED'
    | 'LEAVE_CANCELLED'
    | 'LATE_ARRIVAL'
    | 'ABSENCE'
    | 'INCOMPLETE_CHECK_OUT'
    | 'BALANCE_OFF_TRACK'
    | 'DAY_CLOSED'
    | 'EMPLOYEE_CREATED'
    | 'MESSAGE'
    | 'DEAD_LETTER'
    | 'COMPLIANCE_VIOLATION'
    | 'TRAINING_ASSIGNED'
    | 'TRAINING_DUE'
    | 'TRAINING_OVERDUE';
  /**
   * Its short line.
   */
  title: string;
  /**
   * When it was stored.
   */
  createdAt: string;
  /**
   * The notification's version; 1 when created.
   */
  version: number;
}

/**
 * Its recipient marked a notification read (one, or each of those marked by markAllNotificationsRead).
 */
export interface NotificationsNotificationReadV1 {
  /**
   * The notification's id.
   */
  notificationId: string;
  /**
   * The employee it is for, who read it.
   */
  recipientId: string;
  /**
   * When it was marked read.
   */
  readAt: string;
  /**
   * The notification's version after the change.
   */
  version: number;
}

/**
 * A time entry changed; carries the new values and, under previous, the values before.
 */
export interface TimeEntryAmendedV1 {
  /**
   * The employee whose time this is.
   */
  employeeId: string;
  /**
   * The time entry's id.
   */
  entryId: string;
  /**
   * The entry's version after this change; grows on every change.
   */
  version: number;
  /**
   * What the time was spent on.
   */
  periodType:
    | 'SHIFT'
    | 'OVERTIME'
    | 'ON_CALL'
    | 'TRAINING'
    | 'ABSENCE'
    | 'SCHEDULED_REST_DAY'
    | 'NON_WORKING_DAY';
  /**
   * Free text naming the kind of shift, or null.
   */
  shiftType: string | null;
  /**
   * When the period started (RFC 3339, UTC).
   */
  startTime: string;
  /**
   * When the period ended, or null while it is open.
   */
  endTime: string | null;
  /**
   * Unpaid meal break inside the period, in minutes.
   */
  mealBreakMinutes: number;
  /**
   * The entry's values before this change.
   */
  previous: {
    /**
     * What the time was spent on.
     */
    periodType:
      | 'SHIFT'
      | 'OVERTIME'
      | 'ON_CALL'
      | 'TRAINING'
      | 'ABSENCE'
      | 'SCHEDULED_REST_DAY'
      | 'NON_WORKING_DAY';
    /**
     * Free text naming the kind of shift, or null.
     */
    shiftType: string | null;
    /**
     * When the period started (RFC 3339, UTC).
     */
    startTime: string;
    /**
     * When the period ended, or null while it is open.
     */
    endTime: string | null;
    /**
     * Unpaid meal break inside the period, in minutes.
     */
    mealBreakMinutes: number;
  };
  /**
   * Present when HR recorded the change under an exception to working-time rules it breaks: the rules waived and why.
   */
  complianceException?: {
    /**
     * The working-time rules the exception waives.
     *
     * @minItems 1
     */
    rules: [
      'FUTURE_START' | 'MAX_ENTRY_LENGTH' | 'DAILY_OVERTIME_CAP' | 'MINIMUM_BREAK',
      ...('FUTURE_START' | 'MAX_ENTRY_LENGTH' | 'DAILY_OVERTIME_CAP' | 'MINIMUM_BREAK')[],
    ];
    /**
     * HR's reason, as given.
     */
    reason: string;
  };
  /**
   * The WORKING_TIME policy version (compliance) the amended entry was checked against; absent on events from before policies were versioned.
   */
  policyVersion?: number;
}

/**
 * A time entry was deleted (the tombstone); carries its last values so consumers can remove its effects.
 */
export interface TimeEntryDeletedV1 {
  /**
   * The employee whose time this is.
   */
  employeeId: string;
  /**
   * The time entry's id.
   */
  entryId: string;
  /**
   * The entry's version after this change; grows on every change.
   */
  version: number;
  /**
   * What the time was spent on.
   */
  periodType:
    | 'SHIFT'
    | 'OVERTIME'
    | 'ON_CALL'
    | 'TRAINING'
    | 'ABSENCE'
    | 'SCHEDULED_REST_DAY'
    | 'NON_WORKING_DAY';
  /**
   * Free text naming the kind of shift, or null.
   */
  shiftType: string | null;
  /**
   * When the period started (RFC 3339, UTC).
   */
  startTime: string;
  /**
   * When the period ended, or null while it is open.
   */
  endTime: string | null;
  /**
   * Unpaid meal break inside the period, in minutes.
   */
  mealBreakMinutes: number;
  /**
   * When the entry was deleted.
   */
  deletedAt: string;
}

/**
 * A time entry was recorded; it may be open (no end yet).
 */
export interface TimeEntryRecordedV1 {
  /**
   * The employee whose time this is.
   */
  employeeId: string;
  /**
   * The time entry's id.
   */
  entryId: string;
  /**
   * The entry's version after this change; grows on every change.
   */
  version: number;
  /**
   * What the time was spent on.
   */
  periodType:
    | 'SHIFT'
    | 'OVERTIME'
    | 'ON_CALL'
    | 'TRAINING'
    | 'ABSENCE'
    | 'SCHEDULED_REST_DAY'
    | 'NON_WORKING_DAY';
  /**
   * Free text naming the kind of shift, or null.
   */
  shiftType: string | null;
  /**
   * When the period started (RFC 3339, UTC).
   */
  startTime: string;
  /**
   * When the period ended, or null while it is open.
   */
  endTime: string | null;
  /**
   * Unpaid meal break inside the period, in minutes.
   */
  mealBreakMinutes: number;
  /**
   * Present when HR recorded the change under an exception to working-time rules it breaks: the rules waived and why.
   */
  complianceException?: {
    /**
     * The working-time rules the exception waives.
     *
     * @minItems 1
     */
    rules: [
      'FUTURE_START' | 'MAX_ENTRY_LENGTH' | 'DAILY_OVERTIME_CAP' | 'MINIMUM_BREAK',
      ...('FUTURE_START' | 'MAX_ENTRY_LENGTH' | 'DAILY_OVERTIME_CAP' | 'MINIMUM_BREAK')[],
    ];
    /**
     * HR's reason, as given.
     */
    reason: string;
  };
  /**
   * The WORKING_TIME policy version (compliance) the entry was checked against when it was recorded; absent on events from before policies were versioned.
   */
  policyVersion?: number;
}

/**
 * Planned shifts of an employee were published; they replace the published shifts that overlapped the period from the first start to the last end.
 */
export interface TimeSchedulePublishedV1 {
  /**
   * The employee the shifts are planned for.
   */
  employeeId: string;
  /**
   * The publication's id; each publication is a new schedule.
   */
  scheduleId: string;
  /**
   * The schedule's version; a publication never changes, so always 1.
   */
  version: number;
  /**
   * Start of the first shift.
   */
  from: string;
  /**
   * End of the last shift.
   */
  to: string;
  /**
   * The planned shifts, in start order.
   *
   * @minItems 1
   * @maxItems 500
   */
  shifts: [
    {
      /**
       * The planned shift's id.
       */
      shiftId: string;
      /**
       * When the shift starts (RFC 3339, UTC).
       */
      start: string;
      /**
       * When the shift ends (RFC 3339, UTC).
       */
      end: string;
      /**
       * Free text naming the kind of shift, or null.
       */
      shiftType: string | null;
    },
    ...{
      /**
       * The planned shift's id.
       */
      shiftId: string;
      /**
       * When the shift starts (RFC 3339, UTC).
       */
      start: string;
      /**
       * When the shift ends (RFC 3339, UTC).
       */
      end: string;
      /**
       * Free text naming the kind of shift, or null.
       */
      shiftType: string | null;
    }[],
  ];
  /**
   * Ids of previously published shifts this publication replaced.
   */
  replacedShiftIds: string[];
}

/**
 * The accrual type.
 */
export type AccrualType =
  | 'ANNUAL_TARGET_HOURS'
  | 'NIGHT_HOURS'
  | 'WEEKEND_HOURS'
  | 'PUBLIC_HOLIDAY_HOURS'
  | 'ON_CALL_WEEKDAY'
  | 'ON_CALL_WEEKEND'
  | 'ON_CALL_PUBLIC_HOLIDAY';

export interface AccrualTotal {
  /**
   * The accrual type.
   */
  accrualType: AccrualType;
  /**
   * Hours (two decimals) or a whole count for ON_CALL types; at most 9,999,999.99, as agreements accepts it.
   */
  total: number;
}

/**
 * How one leave type behaves.
 */
export interface LeaveRules {
  /**
   * Whether requests of this type may be made at all.
   */
  enabled: boolean;
  /**
   * Whether the leave is paid.
   */
  paid: boolean;
  /**
   * Whether requests draw on a balance (and are refused beyond it).
   */
  usesBalance: boolean;
  /**
   * Full-time days per leave year; ANNUAL takes the agreement's entitlement when it gives one.
   */
  entitlementDays: number;
  /**
   * Whether a request may take the balance below zero.
   */
  allowNegative: boolean;
  /**
   * Whether Saturdays, Sundays and other non-working days of the pattern count as leave days.
   */
  countsWeekends: boolean;
  /**
   * Whether public holidays of the employee's location count as leave days.
   */
  countsHolidays: boolean;
  /**
   * Days between the request and the first day of leave, at least.
   */
  noticeDays: number;
  /**
   * The longest single request in days charged; null for no limit.
   */
  maxConsecutiveDays: number | null;
  /**
   * Whether a request may start or end with a half day.
   */
  halfDaysAllowed: boolean;
  /**
   * Unused days carried into the next leave year, at most (0: none).
   */
  carryOverCapDays: number;
  /**
   * Carried days not taken within this many months of the new leave year expire.
   */
  carryOverExpiryMonths: number;
}

/**
 * Shift rules attendance judges check-ins and days by.
 */
export interface AttendanceRules {
  /**
   * Minutes after the planned start before a check-in is late (and before the end for early exit).
   */
  graceMinutes: number;
  /**
   * Worked minutes from which a day is PRESENT rather than HALF_DAY.
   */
  halfDayMinutes: number;
  /**
   * Minutes beyond the planned ones that do not count as overtime.
   */
  overtimeToleranceMinutes: number;
  /**
   * Local clock time (`HH:MM`) a working-pattern day starts when there is no published shift.
   */
  workdayStart: string;
  /**
   * The planned length of a working day when neither a shift nor the agreement gives one.
   */
  defaultShiftMinutes: number;
  /**
   * Late arrivals within `latePatternDays` that make a pattern (a violation); 0: never.
   */
  latePatternCount: number;
  /**
   * The window late arrivals are counted over, in days.
   */
  latePatternDays: number;
}

/**
 * The working-time regulations every time entry is checked against (docs/working-time.md).
 */
export interface WorkingTimeRules {
  /**
   * Days after today (the employee's local today) on which an entry may still start.
   */
  futureStartDays: number;
  /**
   * The longest entry, in minutes.
   */
  maxEntryMinutes: number;
  /**
   * The most OVERTIME one person may record on one local day, in minutes.
   */
  dailyOvertimeCapMinutes: number;
  /**
   * Worked minutes in one entry beyond which a meal break is due.
   */
  minimumBreakAfterMinutes: number;
  /**
   * The meal break due then, in minutes.
   */
  minimumBreakMinutes: number;
}

/**
 * How long data is kept.
 */
export interface RetentionRules {
  /**
   * Days an audit entry is kept before the purge removes it.
   */
  auditRetentionDays: number;
}

/** The data of each event type at its current version. */
export interface EventDataMap {
  'accounts.account.role_changed': AccountsAccountRoleChangedV1;
  'accounts.partner_client.created': AccountsPartnerClientCreatedV1;
  'accounts.partner_client.revoked': AccountsPartnerClientRevokedV1;
  'accounts.user.logged_in': AccountsUserLoggedInV1;
  'accounts.user.logged_out': AccountsUserLoggedOutV1;
  'accounts.user.login_failed': AccountsUserLoginFailedV1;
  'accruals.balance_status.changed': AccrualsBalanceStatusChangedV1;
  'accruals.balance.changed': AccrualsBalanceChangedV1;
  'agreements.agreement.amended': AgreementsAgreementAmendedV1;
  'agreements.agreement.created': AgreementsAgreementCreatedV1;
  'agreements.agreement.ended': AgreementsAgreementEndedV1;
  'attendance.absence.detected': AttendanceAbsenceDetectedV1;
  'attendance.check_in.recorded': AttendanceCheckInRecordedV1;
  'attendance.check_out.recorded': AttendanceCheckOutRecordedV1;
  'attendance.day.processed': AttendanceDayProcessedV1;
  'attendance.late_arrival.detected': AttendanceLateArrivalDetectedV1;
  'attendance.manual_entry.recorded': AttendanceManualEntryRecordedV1;
  'audit.dead_letter.discarded': AuditDeadLetterDiscardedV1;
  'audit.dead_letter.recorded': AuditDeadLetterRecordedV1;
  'audit.dead_letter.replayed': AuditDeadLetterReplayedV1;
  'audit.retention.purged': AuditRetentionPurgedV1;
  'billing.day.closed': BillingDayClosedV1;
  'billing.grade.created': BillingGradeCreatedV1;
  'billing.grade.updated': BillingGradeUpdatedV1;
  'billing.rate_card.set': BillingRateCardSetV1;
  'compliance.course.created': ComplianceCourseCreatedV1;
  'compliance.course.updated': ComplianceCourseUpdatedV1;
  'compliance.policy.updated': CompliancePolicyUpdatedV1;
  'compliance.training.assigned': ComplianceTrainingAssignedV1;
  'compliance.training.completed': ComplianceTrainingCompletedV1;
  'compliance.training.due_reached': ComplianceTrainingDueReachedV1;
  'compliance.violation.closed': ComplianceViolationClosedV1;
  'compliance.violation.detected': ComplianceViolationDetectedV1;
  'employees.employee.created': EmployeesEmployeeCreatedV1;
  'employees.employee.status_changed': EmployeesEmployeeStatusChangedV1;
  'employees.employee.terminated': EmployeesEmployeeTerminatedV1;
  'employees.employee.updated': EmployeesEmployeeUpdatedV1;
  'employees.manager.assigned': EmployeesManagerAssignedV1;
  'leave.request.approved': LeaveRequestApprovedV1;
  'leave.request.cancelled': LeaveRequestCancelledV1;
  'leave.request.created': LeaveRequestCreatedV1;
  'leave.request.rejected': LeaveRequestRejectedV1;
  'notifications.notification.created': NotificationsNotificationCreatedV1;
  'notifications.notification.read': NotificationsNotificationReadV1;
  'time.entry.amended': TimeEntryAmendedV1;
  'time.entry.deleted': TimeEntryDeletedV1;
  'time.entry.recorded': TimeEntryRecordedV1;
  'time.schedule.published': TimeSchedulePublishedV1;
}
