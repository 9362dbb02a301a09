import path from 'node:path';
import {
  type Cipher,
  DateTimeScalar,
  defineSubgraph,
  lazySubgraph,
  readSubgraphSdl,
  type SubgraphModule,
} from '../../../runtime';
import { entities } from './entities';
import { migrations } from './migrations';
import { inviteFirstAdmin } from './firstAdmin';
import { createEmployeeHandler } from './handlers';
import { createAuthRoutes } from './http/authRoutes';
import { deliveryJob } from './jobs';
import { partnerClientResolvers } from './partners/partnerClients';
import { oidcOptionsOf } from './oidc/oidcOptions';
import { oidcRoutes } from './oidc/oidcRoutes';
import { tokenRoute } from './partners/tokenEndpoint';
import { createResolvers } from './resolvers';
import {
  accountsDeps,
  readAccountSettings,
  type AccountsDeps,
  type AccountsOptions,
} from './settings';

export const typeDefs = readSubgraphSdl(path.join(__dirname, 'schema.graphql'));

/** The module, plus what the commands use (`npm run admin`). */
export interface AccountsModule extends SubgraphModule<unknown> {
  readonly deps: AccountsDeps;
}

/** The accounts subgraph: sign-in, sessions, invitations, roles. */
export function createAccounts(options: AccountsOptions = {}): AccountsModule {
  const deps = accountsDeps(options);
  const { settings, mail, now } = deps;
  // The runtime's data key, known once it starts: invitation links are kept encrypted with it.
  let cipher: Cipher | undefined;
  const started = () => {
    if (!cipher) throw new Error('The accounts subgraph is not started.');
    return cipher;
  };

  const module = defineSubgraph<unknown>({
    name: 'accounts',
    typeDefs,
    resolvers: {
      DateTime: DateTimeScalar,
      ...createResolvers(deps, partnerClientResolvers(deps)),
    } as never,
    entities,
    migrations,
    eventHandlers: [createEmployeeHandler(deps, started)],
    jobs: mail ? [deliveryJob(mail, now, options.deliveryIntervalMs ?? 5000)] : [],
    publicRoutes: createAuthRoutes(deps, [
      ...tokenRoute(deps),
      ...oidcRoutes(deps, oidcOptionsOf(settings)),
    ]),
    issuesTokens: true,
    sealedColumns: { AccountTicket: ['sealedToken'] },
    async onStart(ctx) {
      cipher = ctx.cipher;
      if (!mail) ctx.logger.info('no SMTP configured (SMTP_URL): invitation links are read by HR');
      if (options.inviteFirstAdmin === false) return;
      const link = await inviteFirstAdmin(ctx.em, deps, ctx.cipher);
      if (link)
        ctx.logger.warn(
          `no account yet: the first administrator (INITIAL_ADMIN_EMAIL) chooses a password at ${link}; the link works once`,
        );
    },
  });
  return { ...module, deps };
}

/** The module as the platform runs it: settings and SMTP from the environment, read as it starts. */
export const accounts = lazySubgraph('accounts', () => {
  const { signIn, smtpUrl, from } = readAccountSettings(process.env);
  return createAccounts({ settings: signIn, smtpUrl, from });
});

export type { AccountsOptions };
export { applyEmployeeEvent } from './handlers';
export { inviteAdmin } from './firstAdmin';
export { MAX_FAILED_SIGN_INS } from './settings';
export { createAccount, type AccountDraft } from './testAccounts';
export { readAccountSettings } from './settings';
