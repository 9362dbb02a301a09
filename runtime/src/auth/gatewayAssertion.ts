/**
 * The gateway assertion: a short-lived JWT the gateway signs with its own key
 * and sends on every call to a subgraph, so that a subgraph served over HTTP
 * can tell the gateway's calls from anyone else's (docs/gateway-trust.md).
 */

/** The request header that carries it (the caller's token stays in `Authorization`). */
export const GATEWAY_ASSERTION_HEADER = 'x-gateway-assertion';

/** `iss` (and `sub`) of every assertion. */
export const GATEWAY_ASSERTION_ISSUER = 'gateway';

/** `aud` of every assertion. */
export const GATEWAY_ASSERTION_AUDIENCE = 'subgraphs';

/** JOSE `typ` header, so no other JWT signed by the same key passes as an assertion (RFC 8725 §3.11). */
export const GATEWAY_ASSERTION_TYPE = 'gateway-assertion+jwt';

/**
 * Five minutes: short enough that a copied assertion is soon worthless, long
 * enough that the gateway signs one about every two and a half minutes rather
 * than per request.
 */
export const GATEWAY_ASSERTION_LIFETIME_SECONDS = 5 * 60;
