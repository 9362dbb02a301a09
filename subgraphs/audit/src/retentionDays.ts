import { loadConfig } from '../../../runtime/src/config';

let configuredDays: number | undefined;

/** RETENTION_DAYS from the process configuration, read once: version 1 of the RETENTION policy. */
export function retentionDays(): number {
  configuredDays ??= loadConfig().RETENTION_DAYS;
  return configuredDays;
}
