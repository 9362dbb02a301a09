import { Writable } from 'node:stream';
import { createLogger } from '../../../runtime';
import { suiteDatabase } from '../../../test-support/suiteDatabase';
import { startAccounts } from './support';

/** A logger whose lines a test can read. */
function capturingLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', destination }) };
}

describe('the first administrator', () => {
  const db = suiteDatabase();

  it('gets a one-time link in the log at the first start without accounts, and only then', async () => {
    const first = capturingLogger();
    const h = await startAccounts(
      { inviteFirstAdmin: true, settings: { INITIAL_ADMIN_EMAIL: 'root@example.org' } },
      { db, logger: first.logger },
    );
    const links = first.lines.join('').match(/http:\/\/localhost:4000\/invite\/[A-Za-z0-9_-]{43}/g);
    expect(links).toHaveLength(1);
    const token = links![0].split('/').pop()!;
    const accepted = await h.call(`/auth/invitations/${token}/accept`, {
      body: { password: 'the first admin password' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.user).toMatchObject({ email: 'root@example.org', role: 'ADMIN' });
    expect(accepted.body.user.employeeId).toBeNull();
    await h.stop();

    const second = capturingLogger();
    const again = await startAccounts({ inviteFirstAdmin: true }, { db, logger: second.logger });
    expect(second.lines.join('')).not.toMatch(/invite\//);
    await again.stop();
  });
});
