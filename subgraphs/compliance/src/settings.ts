/** What compliance is built with: its clock and its reminder window. */
export interface ComplianceSettings {
  /** The clock policies, violations and due training are measured from. */
  now: () => Date;
  /** Days before a completion expires (or an assignment falls due) that the reminder is raised. */
  trainingReminderDays: number;
}

/** What `createCompliance` takes: any setting, the others from the environment. */
export type ComplianceOptions = Partial<ComplianceSettings>;

export const DEFAULT_TRAINING_REMINDER_DAYS = 30;

/** The reminder window from the environment; a bad value stops the start naming it. */
export function readTrainingReminderDays(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.COMPLIANCE_TRAINING_REMINDER_DAYS;
  if (raw === undefined || raw === '') return DEFAULT_TRAINING_REMINDER_DAYS;
  const days = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || days < 0 || days > 365)
    throw new Error(
      `COMPLIANCE_TRAINING_REMINDER_DAYS must be a whole number from 0 to 365; got "${raw}".`,
    );
  return days;
}

/** The options given, the rest from the environment and the system clock. */
export const complianceSettings = (options: ComplianceOptions): ComplianceSettings => ({
  now: options.now ?? (() => new Date()),
  trainingReminderDays: options.trainingReminderDays ?? readTrainingReminderDays(),
});
