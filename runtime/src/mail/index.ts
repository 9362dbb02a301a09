export {
  deliverDueMail,
  type DeliveryResult,
  type MailDelivery,
  type OutgoingMail,
  pendingMail,
} from './deliverDueMail';
export { mailOutboxColumns } from './mailOutboxColumns';
export { mailDeliveryJob, type MailDeliveryJobOptions } from './mailDeliveryJob';
export {
  DEFAULT_MAIL_FROM,
  type MailMessage,
  type MailTransport,
  readSmtpUrl,
  smtpTransport,
} from './smtp';
