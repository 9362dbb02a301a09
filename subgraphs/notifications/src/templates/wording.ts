import type { EventData, EventType } from '../../../../messaging';
import type { EmployeeCopy } from '../entities';
import type { NotificationDraft } from '../storeNotifications';

/** Who is who, from notifications' copy of employees and its configuration. */
export interface Directory {
  /** The employee's copy, or null when not known. */
  employee(id: string): Promise<EmployeeCopy | null>;
  /** Employee ids told of what HR handles (approvals, absences). */
  hr: readonly string[];
  /** Employee ids told of what finance handles (daily close). */
  finance: readonly string[];
  /** Employee ids told of what administrators handle (dead letters). */
  admin: readonly string[];
}

/** The notifications one event of type `T` causes (none when it names no one to tell). */
export type Template<T extends EventType> = (
  d: EventData<T>,
  dir: Directory,
  dedupeKey: string,
) => NotificationDraft[] | Promise<NotificationDraft[]>;

export const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The employee's name from the copy, or "An employee" while it has none. */
export async function nameOf(dir: Directory, id: unknown): Promise<string> {
  const copy = typeof id === 'string' ? await dir.employee(id) : null;
  const name = [copy?.firstName, copy?.lastName].filter(Boolean).join(' ');
  return name || 'An employee';
}

/** One draft for each id given (blank and repeated ones left out). */
export const to = (
  ids: (string | null | undefined)[],
  base: Omit<NotificationDraft, 'recipientId'>,
): NotificationDraft[] =>
  [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== ''))].map(
    (recipientId) => ({ ...base, recipientId }),
  );
