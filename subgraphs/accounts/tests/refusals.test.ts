import type { ServerResponse } from 'node:http';
import { conflict, unavailable } from '../../../runtime';
import { accountLocked, invalid, ticketExpired } from '../src/errors';
import { sendRefusal } from '../src/http/send';

/** A response that keeps what was written to it. */
function response() {
  const sent = { status: 0, body: undefined as unknown };
  const res = {
    writeHead(status: number) {
      sent.status = status;
      return res;
    },
    end(text: string) {
      sent.body = JSON.parse(text);
    },
  };
  return { res: res as unknown as ServerResponse, sent };
}

const refused = (error: unknown) => {
  const { res, sent } = response();
  sendRefusal(res, error);
  return sent;
};

describe('the sign-in routes answer a refusal', () => {
  it("with the platform's status for the platform's codes", () => {
    expect(refused(conflict('Taken meanwhile.'))).toEqual({
      status: 409,
      body: { errors: [{ message: 'Taken meanwhile.', extensions: { code: 'CONFLICT' } }] },
    });
    expect(refused(unavailable('Not now.')).status).toBe(503);
    expect(refused(invalid('email', 'An e-mail is required.'))).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'An e-mail is required.',
            extensions: { code: 'BAD_USER_INPUT', field: 'email' },
          },
        ],
      },
    });
  });

  it('with its own code, and the status sign-in documents for it', () => {
    const locked = refused(accountLocked(new Date('2030-01-01T00:00:00Z')));
    expect(locked.status).toBe(423);
    expect(locked.body).toMatchObject({
      errors: [{ extensions: { code: 'ACCOUNT_LOCKED', lockedUntil: '2030-01-01T00:00:00.000Z' } }],
    });
    expect(refused(ticketExpired())).toMatchObject({
      status: 410,
      body: { errors: [{ extensions: { code: 'INVITATION_EXPIRED' } }] },
    });
  });

  it('leaves an error that is no refusal to the runtime', () => {
    const fault = new Error('driver gone');
    expect(() => refused(fault)).toThrow(fault);
  });
});
