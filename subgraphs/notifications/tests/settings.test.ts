import { createLogger } from '../../../runtime';
import { notifications } from '../src';
import { readNotificationSettings } from '../src/settings';

const silent = createLogger({ level: 'silent' });
const HR = '0190a7e2-4b1c-7d3e-8f00-000000000001';
const FINANCE = '0190a7e2-4b1c-7d3e-8f00-000000000002';

describe('notifications settings', () => {
  it('reads SMTP and the recipients from the environment', () => {
    expect(
      readNotificationSettings({
        SMTP_URL: 'smtps://mailer:secret@mail.example.org:465',
        SMTP_FROM: 'HR Team <hr@example.org>',
        NOTIFICATIONS_HR_RECIPIENTS: `${HR}, ${FINANCE}`,
        NOTIFICATIONS_FINANCE_RECIPIENTS: FINANCE,
        NOTIFICATIONS_ADMIN_RECIPIENTS: HR,
      }),
    ).toEqual({
      smtpUrl: 'smtps://mailer:secret@mail.example.org:465',
      from: 'HR Team <hr@example.org>',
      hrRecipientIds: [HR, FINANCE],
      financeRecipientIds: [FINANCE],
      adminRecipientIds: [HR],
    });
  });

  it('means in-app only, with nobody told, when nothing is set', () => {
    expect(readNotificationSettings({})).toEqual({
      smtpUrl: undefined,
      from: undefined,
      hrRecipientIds: [],
      financeRecipientIds: [],
      adminRecipientIds: [],
    });
  });

  it.each([
    ['SMTP_URL', 'http://mail.example.org', /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/],
    ['SMTP_URL', 'mail.example.org:25', /SMTP_URL/],
    ['SMTP_FROM', 'HR Team', /SMTP_FROM must be an address/],
    ['SMTP_FROM', 'HR <not an address>', /SMTP_FROM/],
    ['NOTIFICATIONS_HR_RECIPIENTS', `${HR},alice`, /NOTIFICATIONS_HR_RECIPIENTS .*"alice"/],
    ['NOTIFICATIONS_FINANCE_RECIPIENTS', 'finance@example.org', /NOTIFICATIONS_FINANCE_RECIPIENTS/],
    ['NOTIFICATIONS_ADMIN_RECIPIENTS', 'root', /NOTIFICATIONS_ADMIN_RECIPIENTS .*"root"/],
  ])('refuses %s=%s, naming the variable', (name, value, message) => {
    expect(() => readNotificationSettings({ [name]: value })).toThrow(message);
  });

  it('reads the environment when the module starts, not when it is imported', () => {
    const saved = process.env.SMTP_URL;
    process.env.SMTP_URL = 'http://not-smtp.example.org';
    try {
      expect(() => notifications.checkSettings!(silent)).toThrow(/SMTP_URL/);
    } finally {
      if (saved === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = saved;
    }
    // Once the value is fixed, the same module starts.
    expect(() => notifications.checkSettings!(silent)).not.toThrow();
    expect(notifications.jobs).toEqual([]);
  });
});
