import type { IncomingMessage } from 'node:http';
import { type DomainError, findDomainError } from '../../../../runtime';
import { PartnerClientSchema } from '../entities';
import { AccountsReason, invalid, invalidClient, routeCodeOf, routeStatusOf } from '../errors';
import type { ExtraRoutes } from '../http/authRoutes';
import { readBody } from '../http/readBody';
import { sendJson, sendRefusal } from '../http/send';
import type { AccountsDeps } from '../settings';
import { secretMatches } from './partnerClients';

const CLIENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** OAuth's name of each refusal (RFC 6749 §5.2), beside the platform's error shape. */
const OAUTH_ERROR: Partial<Record<string, string>> = {
  INVALID_CLIENT: 'invalid_client',
  UNSUPPORTED_GRANT_TYPE: 'unsupported_grant_type',
  BAD_USER_INPUT: 'invalid_request',
};

/**
 * client_id and client_secret from HTTP Basic (RFC 6749 §2.3.1) or the body. The ids and
 * secrets made here are URL-safe already, so Basic's form-encoding leaves them as they are.
 */
function credentialsOf(req: IncomingMessage, body: Record<string, unknown>) {
  const basic = /^Basic ([A-Za-z0-9+/=]{1,400})$/.exec(req.headers.authorization ?? '');
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const at = decoded.indexOf(':');
    if (at > 0) return { id: decoded.slice(0, at), secret: decoded.slice(at + 1) };
  }
  return { id: body.client_id, secret: body.client_secret };
}

/**
 * `POST /auth/token`: the client-credentials grant. A partner's client proves its id and
 * secret and gets a PARTNER access token with its scopes and its quota, for ACCESS_TOKEN_TTL.
 */
export function tokenRoute(deps: AccountsDeps): ExtraRoutes {
  return [
    {
      method: 'POST',
      pattern: /^token$/,
      async handle(req, res, ctx) {
        try {
          const body = await readBody(req, { form: true });
          if (body.grant_type !== 'client_credentials')
            throw invalid(
              'grant_type',
              'Only grant_type=client_credentials is served here.',
              AccountsReason.UNSUPPORTED_GRANT_TYPE,
            );
          const { id, secret } = credentialsOf(req, body);
          if (typeof id !== 'string' || !CLIENT_ID.test(id))
            throw invalid('client_id', 'client_id is required.');
          if (typeof secret !== 'string' || secret.length === 0 || secret.length > 200)
            throw invalid('client_secret', 'client_secret is required.');
          const client = await ctx.em.findOne(PartnerClientSchema, { id, revokedAt: null });
          if (!secretMatches(client, secret) || !client) throw invalidClient();
          const ttl = deps.settings.ACCESS_TOKEN_TTL;
          const quota = {
            ...(client.quotaRequests && { requests: client.quotaRequests }),
            ...(client.quotaCost && { cost: client.quotaCost }),
          };
          const accessToken = await ctx.issueToken({
            role: 'PARTNER',
            sub: `service:partner-${client.id}`,
            scopes: client.scopes,
            ttlSeconds: ttl,
            clientId: client.id,
            ...(Object.keys(quota).length && { quota }),
          });
          sendJson(res, 200, {
            access_token: accessToken,
            token_type: 'Bearer',
            expires_in: ttl,
            scope: client.scopes.join(' '),
          });
        } catch (error) {
          const refusal = findDomainError(error);
          const code = refusal && routeCodeOf(refusal);
          const oauthError = code && OAUTH_ERROR[code];
          const headers: Record<string, string> =
            code === AccountsReason.INVALID_CLIENT
              ? { 'www-authenticate': 'Basic realm="hr-platform"' }
              : {};
          if (!refusal || !oauthError) return sendRefusal(res, error, headers);
          sendRefusalWithOAuth(res, refusal, oauthError, headers);
        }
      },
    },
  ];
}

function sendRefusalWithOAuth(
  res: Parameters<typeof sendJson>[0],
  error: DomainError,
  oauthError: string,
  headers: Record<string, string>,
): void {
  sendJson(
    res,
    routeStatusOf(error),
    {
      error: oauthError,
      error_description: error.message,
      errors: [
        {
          message: error.message,
          extensions: { code: routeCodeOf(error), ...(error.field && { field: error.field }) },
        },
      ],
    },
    headers,
  );
}
