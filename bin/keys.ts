/**
 * The platform's signing keys, under DATA_DIR (docker-compose's `keys` job; docs/keys.md):
 *
 *   npm run keys                                   make the key pairs that are missing, publish
 *   npm run keys -- rotate <issuer|gateway>        step 1: a new key signs, the old one stays trusted
 *   npm run keys -- retire <issuer|gateway> [--kid <kid>]
 *                                                  step 2: the old keys leave the public set
 *
 *   issuer/private.jwk.json      the token issuer's private key (the issuer only)
 *   gateway/private.jwk.json     the gateway's private key, for its assertions (the gateway only)
 *   public/issuer-jwks.json      JWKS_FILE, for everyone
 *   public/gateway-jwks.json     GATEWAY_JWKS_FILE, for the subgraphs
 *
 * It prints only key ids, never a key or a token. Exit codes: 0 done, 1 refused (retiring the
 * current key, nothing to retire, no key to rotate) or a bad key file, 2 bad arguments or
 * configuration.
 */
import { parseArgs } from 'node:util';
import {
  ConfigError,
  KEY_OWNERS,
  KeyFileError,
  KeyRotationError,
  keyPaths,
  loadConfig,
  loadOrCreatePrivateJwk,
  publishKey,
  retireKeys,
  rotateKey,
  type KeyOwner,
} from '../runtime/edge';

const USAGE =
  'Usage: npm run keys [-- rotate <issuer|gateway> | retire <issuer|gateway> [--kid <kid>]]';

class UsageError extends Error {}

/** Makes the key pairs that are missing and publishes their public keys, keeping the others. */
function ensure(dir: string): string {
  const paths = keyPaths(dir);
  const issuer = loadOrCreatePrivateJwk(paths.issuerPrivate);
  const gateway = loadOrCreatePrivateJwk(paths.gatewayPrivate);
  publishKey(issuer, paths.issuerJwks);
  publishKey(gateway, paths.gatewayJwks);
  return `issuer key ${issuer.kid} and gateway key ${gateway.kid} ready in ${dir}`;
}

function ownerOf(value: string | undefined): KeyOwner {
  if (!KEY_OWNERS.includes(value as KeyOwner))
    throw new UsageError(`Name whose key: ${KEY_OWNERS.join(' or ')}.`);
  return value as KeyOwner;
}

/**
 * `--kid <kid>` as `--kid=<kid>`: key ids are base64url, and one in 64 begins with a dash,
 * which parseArgs would otherwise refuse as a missing value.
 */
function withKidJoined(argv: string[]): string[] {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++)
    args.push(argv[i] === '--kid' && i + 1 < argv.length ? `--kid=${argv[++i]}` : argv[i]!);
  return args;
}

function run(argv: string[], dir: string): string {
  const { values, positionals } = parseArgs({
    args: withKidJoined(argv),
    options: { kid: { type: 'string' } },
    allowPositionals: true,
  });
  const [command, owner, ...rest] = positionals;
  if (rest.length) throw new UsageError(`Unexpected argument "${rest[0]}".`);
  if (command === undefined) return ensure(dir);
  if (command === 'rotate') {
    if (values.kid !== undefined) throw new UsageError('--kid is for retire.');
    const { current, previous } = rotateKey(dir, ownerOf(owner));
    return [
      `${owner} key ${current} now signs; ${previous} stays trusted.`,
      `Restart the ${owner === 'issuer' ? 'token issuer (accounts)' : 'gateway'}, then after ${
        owner === 'issuer' ? 'JWT_MAX_TTL_SECONDS' : 'five minutes'
      } run: npm run keys -- retire ${owner}`,
    ].join('\n');
  }
  if (command === 'retire') {
    const { current, retired } = retireKeys(dir, ownerOf(owner), values.kid);
    return `${owner} keys retired: ${retired.join(', ')}; ${current} stays.`;
  }
  throw new UsageError(`Unknown command "${command}".`);
}

try {
  console.log(run(process.argv.slice(2), loadConfig().DATA_DIR));
} catch (error) {
  if (
    error instanceof UsageError ||
    (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  ) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(
    error instanceof KeyRotationError || error instanceof KeyFileError ? error.message : error,
  );
  process.exit(1);
}
