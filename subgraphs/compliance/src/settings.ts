/** Compliance's settings, read from the environment; a bad value stops the start naming it. */
export interface ComplianceSettings {
  /** Days ahead of an assignment's due day or a completion's expiry that the reminder is raised. */
  trainingReminderDays: number;
}

export const DEFAULT_COMPLIANCE_SETTINGS: ComplianceSettings = { trainingReminderDays: 30 };

export function readComplianceSettings(env: NodeJS.ProcessEnv = process.env): ComplianceSettings {
  const raw = env.COMPLIANCE_TRAINING_REMINDER_DAYS;
  if (raw === undefined || raw === '') return DEFAULT_COMPLIANCE_SETTINGS;
  const days = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || days < 0 || days > 365)
    throw new Error(
      `COMPLIANCE_TRAINING_REMINDER_DAYS must be a whole number from 0 to 365; got "${raw}".`,
    );
  return { trainingReminderDays: days };
}
