import type { InferEntity } from '@mikro-orm/core';
import {
  employeeNameColumns,
  type EmployeeStatus,
  mailOutboxColumns,
  uuidEntity,
} from '../../../runtime';

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

export const NotificationSchema = uuidEntity(
  'Notification',
  'notifications',
  (p) => ({
    recipientId: p.string().length(36),
    type: p.string().$type<NotificationType>().length(40),
    title: p.string().length(200),
    body: p.text(),
    channel: p.string().$type<NotificationChannel>().length(20),
    status: p.string().$type<NotificationStatus>().length(10),
    /**
     * What the notification is about, unique per recipient: the event id (or a business key such
     * as the day of an incomplete check-out, or an HR send's batch), so a re-run cannot duplicate.
     */
    dedupeKey: p.string().length(200),
    createdAt: p.datetime(),
    readAt: p.datetime().nullable(),
    version: p.integer(),
  }),
  {
    uniques: [{ name: 'notifications_dedupe', properties: ['dedupeKey', 'recipientId'] }],
    indexes: [
      { name: 'notifications_recipient_created', properties: ['recipientId', 'createdAt', 'id'] },
    ],
  },
);

/** One notification of one recipient. */
export type Notification = InferEntity<typeof NotificationSchema>;

export { EMPLOYEE_STATUSES, type EmployeeStatus } from '../../../runtime';

export const EmployeeCopySchema = uuidEntity(
  'NotificationEmployee',
  'notification_employees',
  (p) => ({
    ...employeeNameColumns(p),
    managerId: p.string().length(36).nullable(),
    status: p.string().$type<EmployeeStatus>().length(20),
    /** The employee's version the copy reflects; older events change nothing. */
    version: p.integer(),
    updatedAt: p.datetime(),
  }),
);

/** Notifications' copy of an employee, fed by employees' events: who to tell, and where. */
export type EmployeeCopy = InferEntity<typeof EmployeeCopySchema>;

export const EmailOutboxSchema = uuidEntity(
  'NotificationEmail',
  'notification_email_outbox',
  (p) => ({
    notificationId: p.string().length(36).unique(),
    ...mailOutboxColumns(p),
    html: p.text(),
  }),
  {
    indexes: [{ name: 'notification_email_due', properties: ['status', 'nextAttemptAt'] }],
  },
);

/** An e-mail waiting to be sent, sent, or given up on; never deleted by delivery. */
export type EmailOutbox = InferEntity<typeof EmailOutboxSchema>;

export const entities = [NotificationSchema, EmployeeCopySchema, EmailOutboxSchema];
