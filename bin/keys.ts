import type { JWK } from 'jose';
import {
  ConfigError,
  KeyFileError,
  keyPaths,
  loadConfig,
  loadOrCreatePrivateJwk,
  publicJwk,
  readJwksFile,
  writeJwksFile,
} from '../runtime';

/**
 * `tsx bin/keys.ts`: creates, under DATA_DIR, the key pairs the platform needs
 * if they are not there yet, and writes their public key sets; it prints only
 * key ids, never a key or a token (docker-compose's `keys` job):
 *
 *   issuer/private.jwk.json      the token issuer's private key (the issuer only)
 *   gateway/private.jwk.json     the gateway's private key, for its assertions (the gateway only)
 *   public/issuer-jwks.json      JWKS_FILE, for everyone
 *   public/gateway-jwks.json     GATEWAY_JWKS_FILE, for the subgraphs
 *
 * A public set keeps the keys it already holds beside the current one, so a
 * rotated key (its private file removed and this run again) stays trusted
 * until it is deleted from the set (docs/gateway-trust.md).
 */
function publish(privateJwk: JWK, file: string): void {
  const current = publicJwk(privateJwk);
  const kept = previousKeys(file).filter((key) => key.kid !== current.kid);
  writeJwksFile(file, { keys: [current, ...kept] });
}

function previousKeys(file: string): JWK[] {
  try {
    return readJwksFile(file).keys;
  } catch (error) {
    if ((error as { cause?: NodeJS.ErrnoException }).cause?.code === 'ENOENT') return [];
    throw error;
  }
}

try {
  const config = loadConfig();
  const paths = keyPaths(config.DATA_DIR);
  const issuer = loadOrCreatePrivateJwk(paths.issuerPrivate);
  const gateway = loadOrCreatePrivateJwk(paths.gatewayPrivate);
  publish(issuer, paths.issuerJwks);
  publish(gateway, paths.gatewayJwks);
  console.log(
    `issuer key ${issuer.kid} and gateway key ${gateway.kid} ready in ${config.DATA_DIR}`,
  );
} catch (error) {
  console.error(
    error instanceof ConfigError || error instanceof KeyFileError ? error.message : error,
  );
  process.exit(1);
}
