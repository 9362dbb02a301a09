import { EntitySchema } from '@mikro-orm/core';
import type { EmployeeStatus } from '../../../runtime';

export const NOTIFICATION_TYPES = [
  'LEAVE_REQUESTED',
  'LEAVE_APPROVED',
  'LEAVE_REJECTED',
  'LEAVE_CANCELLED',
  'LATE_ARRIVAL',
  'ABSENCE',
  'INCOMPLETE_CHECK_OUT',
  'BALANCE_OFF_TRACK',
  'DAY_CLOSED',
  'EMPLOYEE_CREATED',
  'MESSAGE',
  'DEAD_LETTER',
  'COMPLIANCE_VIOLATION',
  'TRAINING_ASSIGNED',
  'TRAINING_DUE',
  'TRAINING_OVERDUE',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export type NotificationStatus = 'UNREAD' | 'READ';
/** IN_APP only, or in-app and also queued for e-mail. */
export type NotificationChannel = 'IN_APP' | 'IN_APP_AND_EMAIL';

/** One notification of one recipient. */
export interface Notification {
  id: string;
  recipientId: string;
  type: NotificationType;
  title: string;
  body: string;
  channel: NotificationChannel;
  status: NotificationStatus;
  /**
   * What the notification is about, unique per recipient: the event id (or a business key such
   * as the day of an incomplete check-out, or an HR send's batch), so a re-run cannot duplicate.
   */
  dedupeKey: string;
  createdAt: Date;
  readAt: Date | null;
  version: number;
}

export const NotificationSchema = new EntitySchema<Notification>({
  name: 'Notification',
  tableName: 'notifications',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    recipientId: { type: 'string', length: 36 },
    type: { type: 'string', length: 40 },
    title: { type: 'string', length: 200 },
    body: { type: 'text' },
    channel: { type: 'string', length: 20 },
    status: { type: 'string', length: 10 },
    dedupeKey: { type: 'string', length: 200 },
    createdAt: { type: 'datetime' },
    readAt: { type: 'datetime', nullable: true },
    version: { type: 'integer' },
  },
  uniques: [{ name: 'notifications_dedupe', properties: ['dedupeKey', 'recipientId'] }],
  indexes: [
    { name: 'notifications_recipient_created', properties: ['recipientId', 'createdAt', 'id'] },
  ],
});

export { EMPLOYEE_STATUSES, type EmployeeStatus } from '../../../runtime';

/** Notifications' copy of an employee, fed by employees' events: who to tell, and where. */
export interface EmployeeCopy {
  id: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  managerId: string | null;
  status: EmployeeStatus;
  /** The employee's version the copy reflects; older events change nothing. */
  version: number;
  updatedAt: Date;
}

export const EmployeeCopySchema = new EntitySchema<EmployeeCopy>({
  name: 'NotificationEmployee',
  tableName: 'notification_employees',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    firstName: { type: 'string', length: 100, nullable: true },
    lastName: { type: 'string', length: 100, nullable: true },
    email: { type: 'string', length: 320, nullable: true },
    managerId: { type: 'string', length: 36, nullable: true },
    status: { type: 'string', length: 20 },
    version: { type: 'integer' },
    updatedAt: { type: 'datetime' },
  },
});

export type EmailStatus = 'PENDING' | 'SENT' | 'FAILED';

/** An e-mail waiting to be sent, sent, or given up on; never deleted by delivery. */
export interface EmailOutbox {
  id: string;
  notificationId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  status: EmailStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export const EmailOutboxSchema = new EntitySchema<EmailOutbox>({
  name: 'NotificationEmail',
  tableName: 'notification_email_outbox',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    notificationId: { type: 'string', length: 36, unique: true },
    to: { type: 'string', length: 320, fieldName: 'to_address' },
    subject: { type: 'string', length: 200 },
    text: { type: 'text' },
    html: { type: 'text' },
    status: { type: 'string', length: 10 },
    attempts: { type: 'integer' },
    nextAttemptAt: { type: 'datetime' },
    lastError: { type: 'text', nullable: true },
    createdAt: { type: 'datetime' },
    sentAt: { type: 'datetime', nullable: true },
  },
  indexes: [{ name: 'notification_email_due', properties: ['status', 'nextAttemptAt'] }],
});

export const entities = [NotificationSchema, EmployeeCopySchema, EmailOutboxSchema];
