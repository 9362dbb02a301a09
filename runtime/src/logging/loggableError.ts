/** An error as it is logged: its type, code, message and stack frames, and nothing else. */
export interface LoggedError {
  type: string;
  message: string;
  code?: string | number;
  stack?: string;
  cause?: LoggedError;
}

const MAX_MESSAGE = 500;
const MAX_CAUSES = 3;
// Query builders put the statement and its values before the driver's message, and the
// ORM appends PostgreSQL's detail: `insert into ... values ('Ada', ...) - duplicate key
// value violates ...\n - detail: Key (email)=(ada@example.com) already exists.`
const SQL_PREFIX = /^\s*(select|insert|update|delete|with|create|alter|drop)\b[\s\S]* - /i;
const DETAILS = /\n - [\s\S]*$/;

function loggableMessage(message: string): string {
  const text = message.replace(DETAILS, '').replace(SQL_PREFIX, '');
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

/**
 * pino's `err` serializer. Driver errors carry the SQL with its values and fields such as
 * `detail` ("Key (email)=(ada@example.com) already exists"): only the type, code, message
 * without the statement, and the stack frames are kept, so no personal data reaches a log.
 */
export function loggableError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error))
    return { type: typeof error, message: 'A value that is not an Error was thrown.' };
  const type = error.name || error.constructor.name;
  const message = loggableMessage(error.message);
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  const cause = (error as { cause?: unknown }).cause;
  return {
    type,
    message,
    ...((typeof code === 'string' || typeof code === 'number') && { code }),
    stack: [`${type}: ${message}`, ...frames].join('\n'),
    ...(cause !== undefined && depth < MAX_CAUSES && { cause: loggableError(cause, depth + 1) }),
  };
}
