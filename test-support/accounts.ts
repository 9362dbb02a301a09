import { createAccount, type AccountDraft } from '../subgraphs/accounts/src';
import { AccountSchema } from '../subgraphs/accounts/src/entities';
import type { TestPlatform } from './createTestPlatform';
import { createPerson, type SeededPerson } from './seedOrganisation';
import { waitFor } from './waitFor';

/**
 * Makes an account that can sign in at once on a test platform (the whole platform, accounts
 * among its subgraphs), with its password set; returns the account's id. Sign in with
 * {@link signIn} or through the web app.
 */
export function createTestAccount(test: TestPlatform, draft: AccountDraft): Promise<string> {
  const runtime = test.platform.runtimes.accounts;
  if (!runtime) throw new Error('The test platform does not run the accounts subgraph.');
  return createAccount(runtime.orm.em.fork(), draft);
}

/** Hires someone through the gateway and waits for the account accounts makes on hearing of it. */
export async function hireWithAccount(
  test: TestPlatform,
  firstName: string,
  lastName: string,
): Promise<SeededPerson> {
  const person = await createPerson(test, firstName, lastName);
  await waitFor(async () => {
    const em = test.platform.runtimes.accounts.orm.em.fork();
    return (await em.findOne(AccountSchema, { employeeId: person.id })) ?? undefined;
  });
  return person;
}

/** What a sign-in answered: the status, the JSON body, and the refresh cookie it set. */
export interface SignInReply {
  status: number;
  body: any;
  /** The `hr_refresh=…` pair to send back as `cookie`, when one was set. */
  cookie?: string;
  /** The whole Set-Cookie header. */
  setCookie?: string;
}

/** The gateway's origin (`http://127.0.0.1:port`) of a test platform. */
export const originOf = (test: Pick<TestPlatform, 'url'>) => new URL(test.url).origin;

/** Calls a sign-in route of the gateway as a browser would. */
export async function authCall(
  origin: string,
  path: string,
  options: {
    method?: string;
    body?: unknown;
    cookie?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<SignInReply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] ??= 'application/json';
  if (options.cookie) headers.cookie = options.cookie;
  const response = await fetch(`${origin}${path}`, {
    method: options.method ?? 'POST',
    headers,
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body),
    redirect: 'manual',
  });
  const text = await response.text();
  const setCookie = response.headers.get('set-cookie') ?? undefined;
  const pair = setCookie?.split(';')[0];
  return {
    status: response.status,
    body: text ? safeJson(text) : undefined,
    setCookie,
    cookie: pair && pair.split('=')[1] ? pair : undefined,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Signs in with an e-mail and password through the gateway. */
export const signIn = (origin: string, email: string, password: string) =>
  authCall(origin, '/auth/login', { body: { email, password } });
