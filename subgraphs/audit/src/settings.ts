import { loadConfig } from '../../../runtime';

/** Options of `createAudit`. */
export interface AuditOptions {
  /**
   * Days an entry is kept under version 1 of the RETENTION policy (until HR changes it);
   * RETENTION_DAYS by default, read when first needed.
   */
  retentionDays?: number;
}

/** The options with their defaults. */
export interface AuditSettings {
  retentionDays(): number;
}

export function auditSettings(options: AuditOptions = {}): AuditSettings {
  let days = options.retentionDays;
  return {
    retentionDays: () => (days ??= loadConfig().RETENTION_DAYS),
  };
}
