export {
  createLocalIssuer,
  LOCAL_ISSUER_ALGORITHM,
  type IssueOptions,
  type LocalIssuer,
  type LocalIssuerOptions,
} from './createLocalIssuer';
export {
  createTokenVerifier,
  type TokenVerifier,
  type TokenVerifierBaseOptions,
  type TokenVerifierOptions,
} from './createTokenVerifier';
export { identityFromClaims } from './identityFromClaims';
