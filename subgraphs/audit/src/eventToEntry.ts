import type { EventEnvelope } from '../../../messaging';
import type { AuditEntry, JsonObject } from './entities';
import { malformedEvent } from './errors';

/** What an event says; the log adds id, seq, recordedAt and the hashes. */
export type EntryDraft = Omit<
  AuditEntry,
  'id' | 'chain' | 'seq' | 'recordedAt' | 'prevHash' | 'hash'
>;

export const MASK = '***';

/**
 * Keys whose values are personal data or secrets, matched anywhere in the key
 * (workEmail, mobilePhone). Not a bare "bank": bank holidays are not personal.
 */
const SENSITIVE =
  /salary|phone|email|password|token|secret|iban|bank_?account|sort_?code|birth|national_?insurance|address/i;

/**
 * Keys that are personal only in one domain's events. A notification's title and body are
 * for its recipient alone (nobody may read another person's notifications), while a title
 * elsewhere, a job title say, is not personal.
 */
const SENSITIVE_IN_DOMAIN: Record<string, RegExp> = {
  notifications: /^(title|body)$/i,
};

const ACTIONS: Record<string, string> = {
  created: 'CREATE',
  updated: 'UPDATE',
  changed: 'UPDATE',
  corrected: 'UPDATE',
  deleted: 'DELETE',
  removed: 'DELETE',
  status_changed: 'STATUS_CHANGE',
  terminated: 'TERMINATE',
  assigned: 'ASSIGN',
  requested: 'REQUEST',
  approved: 'APPROVE',
  rejected: 'REJECT',
  cancelled: 'CANCEL',
  imported: 'IMPORT',
  completed: 'COMPLETE',
  published: 'PUBLISH',
  closed: 'CLOSE',
  purged: 'PURGE',
  read: 'READ',
};

/**
 * Actions named for the event type rather than its verb: sign-in's, which the security
 * reviews search for by these names.
 */
const ACTION_OF_TYPE: Record<string, string> = {
  'accounts.user.logged_in': 'user_login',
  'accounts.user.logged_out': 'user_logout',
  'accounts.user.login_failed': 'user_login_failed',
};

/**
 * Events whose entity segment is a relation of another entity: a manager
 * assignment changes the employee, so it belongs to the employee's trail.
 */
const ENTITY_OF: Record<string, string> = {
  'employees.manager.assigned': 'employee',
  'attendance.check_in.recorded': 'attendance_entry',
  'attendance.check_out.recorded': 'attendance_entry',
  'attendance.manual_entry.recorded': 'attendance_entry',
  'compliance.course.created': 'training_course',
  'compliance.course.updated': 'training_course',
  'compliance.training.assigned': 'training_assignment',
  'compliance.training.completed': 'training_assignment',
  'compliance.training.due_reached': 'training_assignment',
};

/** Keys that hold a before/after pair, in the order they are tried. */
const PAIRS: [string, string][] = [
  ['from', 'to'],
  ['old', 'new'],
  ['before', 'after'],
  ['previous', 'current'],
  // A new version of a policy: the rules before and the whole rules now.
  ['previous', 'rules'],
];

export const isSensitiveKey = (key: string, domain?: string): boolean =>
  SENSITIVE.test(key) || !!(domain && SENSITIVE_IN_DOMAIN[domain]?.test(key));

/**
 * A copy with every sensitive key's value replaced by "***", at any depth; `domain` (the
 * event's first type segment) adds the keys personal in that domain's events.
 */
export function mask(value: unknown, domain?: string): unknown {
  if (Array.isArray(value)) return value.map((item) => mask(item, domain));
  if (!isObject(value)) return value;
  if (isFieldChange(value) && isSensitiveKey(value.field, domain)) return maskFieldChange(value);
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      isSensitiveKey(key, domain) ? MASK : mask(inner, domain),
    ]),
  );
}

/** Turns an event into the entry that records it. Throws on an event it cannot read. */
export function eventToEntry(event: EventEnvelope): EntryDraft {
  const { domain, entityType, verb, action } = parseType(event.type);
  const { oldValues, newValues } = splitValues(isObject(event.data) ? event.data : {}, verb);
  return {
    occurredAt: parseTime(event.time),
    actorId: event.actor ?? null,
    action,
    logType: event.type,
    entityType,
    entityId: requireText(event.subject, 'subject'),
    subgraph: subgraphOf(requireText(event.source, 'source')),
    status: 'SUCCESS',
    oldValues: oldValues && (mask(oldValues, domain) as JsonObject),
    newValues: mask(newValues, domain) as JsonObject,
    requestId: event.requestid ?? null,
    correlationId: event.correlationid ?? null,
    eventId: requireText(event.id, 'id'),
  };
}

/**
 * Domain, entity and verb of a type. `<domain>.<entity>.<verb>` is the rule, but the log
 * refuses no event the catalogue accepts (a former name may break the rule): with fewer
 * segments the domain stands for the entity and the last segment is the verb.
 */
function parseType(type: string): {
  domain: string;
  entityType: string;
  verb: string;
  action: string;
} {
  const parts = requireText(type, 'type').split('.');
  const domain = parts[0];
  const entity = parts.length >= 3 ? parts[1] : domain;
  const verb = parts.length >= 3 ? parts.slice(2).join('.') : parts[parts.length - 1];
  return {
    domain,
    entityType: ENTITY_OF[type] ?? entity,
    verb,
    action:
      ACTION_OF_TYPE[type] ?? ACTIONS[verb] ?? (verb.toUpperCase().replace(/\W+/g, '_') || 'EVENT'),
  };
}

interface Values {
  oldValues: JsonObject | null;
  newValues: JsonObject;
}

/**
 * Old and new values from an event's data, in the shapes producers use:
 * `changes` (field → {old, new}, or a list of {field, from, to}), a scalar
 * `from`/`to` (the field is named by the verb: status_changed → status),
 * `previousX` beside `X`, or a before/after pair of objects. Whatever else
 * the data holds is kept in the new values; with none of these shapes the
 * data is the new state.
 */
function splitValues(data: JsonObject, verb: string): Values {
  return (
    fromChanges(data) ??
    fromScalarPair(data, verb) ??
    fromPrevious(data) ??
    fromStatePair(data) ?? { oldValues: null, newValues: data }
  );
}

function fromChanges(data: JsonObject): Values | undefined {
  const { changes, ...rest } = data;
  if (changes === undefined) return undefined;
  const list = Array.isArray(changes) ? changes : isObject(changes) ? toFieldChanges(changes) : [];
  if (!list.length || !list.every(isFieldChange)) return undefined;
  const oldValues: JsonObject = {};
  const newValues: JsonObject = { ...rest };
  for (const change of list) {
    const [before, after] = pairOf(change);
    oldValues[change.field] = change[before] ?? null;
    newValues[change.field] = change[after] ?? null;
  }
  return { oldValues, newValues };
}

function fromScalarPair(data: JsonObject, verb: string): Values | undefined {
  const { from, to, ...rest } = data;
  if (!('from' in data && 'to' in data) || isObject(from) || isObject(to)) return undefined;
  const field = /^(\w+)_changed$/.exec(verb)?.[1] ?? 'value';
  return { oldValues: { [field]: from }, newValues: { ...rest, [field]: to } };
}

function fromPrevious(data: JsonObject): Values | undefined {
  const oldValues: JsonObject = {};
  const newValues: JsonObject = { ...data };
  for (const key of Object.keys(data)) {
    const match = /^previous([A-Z]\w*)$/.exec(key);
    const field = match && match[1][0].toLowerCase() + match[1].slice(1);
    if (!field || !(field in data)) continue;
    oldValues[field] = data[key];
    delete newValues[key];
  }
  return Object.keys(oldValues).length ? { oldValues, newValues } : undefined;
}

function fromStatePair(data: JsonObject): Values | undefined {
  for (const [before, after] of PAIRS) {
    const { [before]: oldState, [after]: newState, ...rest } = data;
    if (isObject(oldState) && isObject(newState)) {
      return { oldValues: oldState, newValues: { ...rest, ...newState } };
    }
  }
  return undefined;
}

/** `{ phone: { from, to } }` as `[{ field: 'phone', from, to }]`, when every value is a pair. */
function toFieldChanges(changes: JsonObject): unknown[] {
  return Object.entries(changes).map(([field, change]) =>
    isObject(change) && pairKeys(change) ? { field, ...change } : undefined,
  );
}

type FieldChange = JsonObject & { field: string };

function isFieldChange(value: unknown): value is FieldChange {
  return isObject(value) && typeof value.field === 'string' && !!pairKeys(value);
}

function maskFieldChange(change: FieldChange): JsonObject {
  const [before, after] = pairOf(change);
  return { ...change, [before]: MASK, [after]: MASK };
}

function pairKeys(value: JsonObject): [string, string] | undefined {
  return PAIRS.find(([before, after]) => before in value || after in value);
}

const pairOf = (change: FieldChange): [string, string] => pairKeys(change) ?? ['from', 'to'];

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseTime(time: string): Date {
  const date = new Date(requireText(time, 'time'));
  if (Number.isNaN(date.getTime()))
    throw malformedEvent(`Event time "${time}" is not a date-time.`);
  return date;
}

function requireText(value: unknown, attribute: string): string {
  if (typeof value !== 'string' || !value) throw malformedEvent(`Event has no ${attribute}.`);
  return value;
}

/** `/subgraphs/employees` → `employees`; any other source as it is. */
function subgraphOf(source: string): string {
  const match = /^\/subgraphs\/([^/]+)$/.exec(source);
  return match ? match[1] : source;
}
