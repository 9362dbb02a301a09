/**
 * Makes an administrator, or gives an existing account the ADMIN role, and prints a one-time
 * link where they choose their password and sign in:
 *
 *   npm run --silent admin -- --email you@example.org
 *
 * It works on the accounts database of the configuration (DATA_DIR or DATABASE_URL), with the
 * platform running or not. An earlier link of the account stops working.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadCipher, loadConfig, openSubgraphDatabase, targetFor } from '../runtime';
import {
  accounts,
  createAccounts,
  inviteAdmin,
  readAccountSettings,
} from '../subgraphs/accounts/src';

const USAGE = 'Usage: npm run --silent admin -- --email <address>';

class UsageError extends Error {}

function emailOf(argv: string[]): string {
  const { values } = parseArgs({
    args: argv,
    options: { email: { type: 'string' } },
    strict: true,
  });
  const email = values.email?.trim().toLowerCase();
  if (!email || email.length > 254 || !/^[^\s@<>]+@[^\s@<>]+$/.test(email))
    throw new UsageError(`--email must be an e-mail address.`);
  return email;
}

async function main(): Promise<void> {
  const email = emailOf(process.argv.slice(2));
  const config = loadConfig();
  const { signIn } = readAccountSettings(process.env);
  const module = createAccounts({ settings: signIn, inviteFirstAdmin: false });
  const orm = await openSubgraphDatabase(module, targetFor(accounts.name, config));
  try {
    const cipher = loadCipher(config);
    const link = await inviteAdmin(orm.em.fork(), module.deps, cipher, email);
    console.log(link);
  } finally {
    await orm.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\n${USAGE}`);
  else if (error instanceof ConfigError) console.error(error.message);
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
