import { createLocalIssuer } from '../runtime/src/auth';
import { ConfigError, loadConfig } from '../runtime/src/config';

/**
 * `tsx bin/keys.ts`: creates the local issuer's key pair under DATA_DIR if it
 * is not there yet, and prints only its key id (never a token), so services
 * that share DATA_DIR all find one key (docker-compose's `keys` service).
 */
try {
  const config = loadConfig();
  const issuer = createLocalIssuer({
    dataDir: config.DATA_DIR,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
  });
  console.log(`issuer key ${issuer.kid} ready in ${config.DATA_DIR}`);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
