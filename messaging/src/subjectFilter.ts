import { subjectFor } from './envelope';
import { MessagingConfigError } from './errors';
import type { Namespace } from './types';

/** Whether a NATS subject matches a pattern (`*` is one token, a last `>` one or more). */
export function subjectMatches(pattern: string, subject: string): boolean {
  const wanted = pattern.split('.');
  const actual = subject.split('.');
  for (let i = 0; i < wanted.length; i++) {
    if (wanted[i] === '>') return actual.length > i;
    if (i >= actual.length || (wanted[i] !== '*' && wanted[i] !== actual[i])) return false;
  }
  return wanted.length === actual.length;
}

function assertPattern(type: string): void {
  const tokens = type.split('.');
  const valid = tokens.every(
    (token, i) => /^[A-Za-z0-9_-]+$|^\*$/.test(token) || (token === '>' && i === tokens.length - 1),
  );
  if (!valid) throw new MessagingConfigError(`"${type}" is not an event type or type pattern.`);
}

/**
 * The one filter subject a NATS 2.9 consumer can have for a list of types: the subject
 * itself when the list names one, else the longest common token prefix followed by `>`
 * (`employees.employee.created` + `employees.manager.assigned` -> `hr.employees.>`).
 * The consumer acks, without handling, the events the filter lets through but the list
 * does not name.
 */
export function filterSubjectFor(types: string[], ns: Namespace): string {
  if (types.length === 0) throw new MessagingConfigError('A handler must name at least one type.');
  types.forEach(assertPattern);
  const subjects = [...new Set(types.map((type) => subjectFor(type, ns)))];
  if (subjects.length === 1) return subjects[0];
  const tokenLists = subjects.map((subject) => subject.split('.'));
  // `>` needs at least one token after the prefix, so the prefix stays shorter than every subject.
  const limit = Math.min(...tokenLists.map((tokens) => tokens.length)) - 1;
  const prefix: string[] = [];
  for (let i = 0; i < limit; i++) {
    const token = tokenLists[0][i];
    if (token === '>' || tokenLists.some((tokens) => tokens[i] !== token)) break;
    prefix.push(token);
  }
  return [...prefix, '>'].join('.');
}
