import {
  type AppConfig,
  createTokenVerifier,
  type LocalIssuer,
  type TokenVerifier,
} from '../../../runtime';

/**
 * The verifier the gateway and the subgraphs check tokens with: the issuer's keys from
 * JWKS_URL or JWKS_FILE when configured, else the local issuer's.
 */
export function createPlatformVerifier(config: AppConfig, issuer: LocalIssuer): TokenVerifier {
  return createTokenVerifier({
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    algorithms: config.JWT_ALGORITHMS,
    maxLifetimeSeconds: config.JWT_MAX_TTL_SECONDS,
    ...(config.JWKS_URL
      ? { jwksUrl: config.JWKS_URL }
      : config.JWKS_FILE
        ? { jwksFile: config.JWKS_FILE }
        : { jwks: issuer.jwks() }),
  });
}
