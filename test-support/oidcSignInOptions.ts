import { freePort } from '../messaging/testing';
import { readSignInSettings, type SubgraphModule } from '../runtime';
import { subgraphs } from '../subgraphs';
import { createAccounts } from '../subgraphs/accounts/src';
import type { OidcTestProvider } from './oidcProvider';

/**
 * The whole platform's modules with accounts signing people in through `provider` (its groups
 * claim mapped to roles by `roleMap`), on a port of their own: createTestPlatform's `options`. The port is chosen here
 * The port is chosen here because the provider sends people back to it, at `origin`.
 */
export async function oidcSignInOptions(
  provider: OidcTestProvider,
  roleMap: Record<string, string>,
): Promise<{ origin: string; options: { modules: SubgraphModule<never>[]; port: number } }> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  provider.allowRedirect(`${origin}/auth/oidc/callback`);
  const settings = readSignInSettings({
    PUBLIC_URL: origin,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_ROLE_CLAIM: 'groups',
    OIDC_ROLE_MAP: JSON.stringify(roleMap),
    OIDC_PROVIDER_NAME: 'Test ID',
  });
  const accounts = createAccounts({ settings, inviteFirstAdmin: false });
  const modules = subgraphs.map((m) =>
    m.name === 'accounts' ? accounts : m,
  ) as unknown as SubgraphModule<never>[];
  return { origin, options: { modules, port } };
}
