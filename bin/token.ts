/**
 * Prints a token from the local issuer, for trying the API by hand:
 *
 *   npm run --silent token -- --role EMPLOYEE --sub <employee id> [--scopes a,b] [--ttl seconds]
 *
 * ADMIN and SYSTEM tokens without --sub are service principals. The key pair is
 * the one the all-in-one server uses (DATA_DIR), so its tokens are accepted there.
 */
import { parseArgs } from 'node:util';
import { ConfigError, configuredIssuer, isRole, loadConfig, ROLES } from '../runtime';
import { textFlags } from './lib/commandLine';

const USAGE = `Usage: npm run --silent token -- --role <${ROLES.join('|')}> [--sub <id>] [--scopes a,b] [--ttl <seconds>]`;

class UsageError extends Error {}

function readArguments(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: textFlags('role', 'sub', 'scopes', 'ttl'),
    strict: true,
  });
  const role = values.role?.toUpperCase();
  if (!isRole(role)) throw new UsageError(`Unknown or missing role "${values.role ?? ''}".`);
  if (!values.sub && role !== 'ADMIN' && role !== 'SYSTEM') {
    throw new UsageError(`${role} tokens need --sub <employee id>.`);
  }
  const ttlSeconds = values.ttl === undefined ? undefined : Number(values.ttl);
  if (ttlSeconds !== undefined && !(Number.isInteger(ttlSeconds) && ttlSeconds > 0)) {
    throw new UsageError('--ttl must be a positive number of seconds.');
  }
  const scopes = values.scopes
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return { role, sub: values.sub, scopes, ttlSeconds };
}

async function main(): Promise<number> {
  let request: ReturnType<typeof readArguments>;
  try {
    request = readArguments(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  try {
    const config = loadConfig();
    // Servers refuse a token that lives longer than this; better said here than there.
    if ((request.ttlSeconds ?? 0) > config.JWT_MAX_TTL_SECONDS) {
      process.stderr.write(
        `--ttl may be at most JWT_MAX_TTL_SECONDS (${config.JWT_MAX_TTL_SECONDS}).\n${USAGE}\n`,
      );
      return 2;
    }
    const issuer = configuredIssuer(config);
    process.stdout.write(`${await issuer.issue(request)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
