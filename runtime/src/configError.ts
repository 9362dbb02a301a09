/** A configuration value the process cannot work with; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly code = 'CONFIG_INVALID';
}
