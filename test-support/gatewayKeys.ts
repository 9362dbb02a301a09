import {
  createGatewayAssertionSigner,
  createGatewayAssertionVerifier,
  GATEWAY_ASSERTION_HEADER,
  type GatewayAssertionSigner,
  type GatewayAssertionVerifier,
  publicJwk,
} from '../runtime';
import { generatePrivateJwk } from '../runtime/testing';

/** A gateway key pair in memory, with what signs and what checks its assertions. */
export interface GatewayKeys {
  signer: GatewayAssertionSigner;
  verifier: GatewayAssertionVerifier;
  /** Headers a gateway call carries: the current assertion. */
  headers(): Promise<Record<string, string>>;
}

export function createGatewayKeys(): GatewayKeys {
  const key = generatePrivateJwk();
  const signer = createGatewayAssertionSigner({ key });
  return {
    signer,
    verifier: createGatewayAssertionVerifier({ jwks: { keys: [publicJwk(key)] } }),
    headers: async () => ({ [GATEWAY_ASSERTION_HEADER]: await signer.current() }),
  };
}
