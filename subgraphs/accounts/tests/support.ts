import type http from 'node:http';
import { v7 as uuidv7 } from 'uuid';
import { type EventEnvelope } from '../../../messaging';
import { close, createHttpServer, listen } from '../../../runtime';
import { createdData } from '../../../test-support/employeeEvents';
import {
  foreignEvent,
  handleEvent,
  startSubgraph,
  type StartSubgraphOptions,
  type SubgraphHarness,
} from '../../../test-support/startSubgraph';
import { authCall, type SignInReply } from '../../../test-support/accounts';
import { createAccount, createAccounts, type AccountDraft, type AccountsOptions } from '../src';

export const PASSWORD = 'correct horse battery';

export interface AccountsHarness extends SubgraphHarness {
  /** Where the sign-in routes answer over HTTP (`http://127.0.0.1:port`). */
  origin: string;
  /** Calls a sign-in route as a browser would. */
  call(path: string, options?: Parameters<typeof authCall>[2]): Promise<SignInReply>;
  /** An account with a password, ready to sign in; returns its id. */
  account(draft: Partial<AccountDraft> & { email: string }): Promise<string>;
  /** Hands an employees event to accounts' consumer, as the runtime does; returns the envelope. */
  send(type: string, data: Record<string, unknown>): Promise<EventEnvelope>;
  /** Hires a person (employees.employee.created); returns their id. */
  hire(overrides?: Record<string, unknown>): Promise<string>;
}

/** Accounts in-process on a test database, its sign-in routes on a port of their own. */
export async function startAccounts(
  options: AccountsOptions = {},
  harness: StartSubgraphOptions = {},
): Promise<AccountsHarness> {
  const module = createAccounts({ inviteFirstAdmin: false, ...options });
  const h = await startSubgraph(module, harness);
  const server: http.Server = createHttpServer({ routes: h.runtime.publicRoutes() });
  const port = await listen(server, 0, '127.0.0.1');
  const origin = `http://127.0.0.1:${port}`;
  const send = async (type: string, data: Record<string, unknown>) => {
    const event = foreignEvent(type, data);
    await handleEvent(h, module, event);
    return event;
  };
  return {
    ...h,
    origin,
    call: (path, callOptions) => authCall(origin, path, callOptions),
    account: (draft) => createAccount(h.runtime.orm.em.fork(), { password: PASSWORD, ...draft }),
    send,
    async hire(overrides = {}) {
      const id = uuidv7();
      await send('employees.employee.created', createdData(id, overrides));
      return id;
    },
    async stop() {
      await close(server);
      await h.stop();
    },
  };
}

/** The attributes of a Set-Cookie header, lower case, by name (`httponly` → true). */
export function cookieAttributes(setCookie: string | undefined): Record<string, string | true> {
  const [, ...parts] = (setCookie ?? '').split(';');
  return Object.fromEntries(
    parts.map((part) => {
      const [key, value] = part.trim().split('=');
      return [key.toLowerCase(), value ?? true];
    }),
  );
}
