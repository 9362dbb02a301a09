/** The platform could not start; the message says why in words an operator can act on. */
export class StartupError extends Error {
  override name = 'StartupError';
  readonly code = 'STARTUP_FAILED';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
