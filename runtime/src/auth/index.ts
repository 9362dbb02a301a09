export {
  configuredIssuer,
  createLocalIssuer,
  issuerKeyFile,
  LOCAL_ISSUER_ALGORITHM,
  type IssueOptions,
  type IssuerConfig,
  type LocalIssuer,
  type LocalIssuerOptions,
} from './createLocalIssuer';
export {
  createTokenVerifier,
  DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
  type TokenVerifier,
  type TokenVerifierBaseOptions,
  type TokenVerifierOptions,
} from './createTokenVerifier';
export { identityFromClaims } from './identityFromClaims';
export { createFileJWKSet, type FileJWKSetOptions } from './createFileJWKSet';
// Reading and writing key files, every helper: the keys command and key rotation build on them.
export * from './keyFiles';
export {
  KEY_OWNERS,
  keyFilesOf,
  KeyRotationError,
  publishKey,
  retireKeys,
  rotateKey,
  type KeyOwner,
} from './keyRotation';
// The assertion's constants, every one: the signer and the verifier agree on them.
export * from './gatewayAssertion';
export {
  createGatewayAssertionSigner,
  type GatewayAssertionSigner,
  type GatewayAssertionSignerOptions,
} from './createGatewayAssertionSigner';
export {
  createGatewayAssertionVerifier,
  NOT_THE_GATEWAY,
  type GatewayAssertionVerifier,
  type GatewayAssertionVerifierOptions,
} from './createGatewayAssertionVerifier';
