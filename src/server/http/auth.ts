/**
 * Every Query API request carries its own credentials: there is no login state between requests.
 * This is Neo4j's `AuthorizationEnabledFilter`: no header is 401, a header that cannot be read is
 * 400 `Request.InvalidFormat`, wrong credentials 401 "Invalid credential.", too many failures 429;
 * the 401s carry the `WWW-Authenticate` challenge. Bearer tokens reach the auth manager, which
 * refuses them without an SSO provider. A user who must change their password passes: the engine
 * then refuses everything but the change.
 */
import { assertNever, Neo4jError, StatusCode, type Dbms } from '../../index.js';
import { INVALID_FORMAT, RATE_LIMITED, UNAUTHORIZED } from './errors.js';

export type AuthHeader =
  | { readonly kind: 'missing' }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'basic'; readonly user: string; readonly password: string }
  | { readonly kind: 'bearer'; readonly token: string };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The `Authorization` header as Neo4j's `AuthorizationHeaders.decode` reads it: the scheme in any case, one token. */
export function parseAuthorization(header: string | undefined): AuthHeader {
  if (header === undefined) return { kind: 'missing' };
  const [scheme = '', token, ...rest] = header.trim().split(/\s+/);
  if (token === undefined || rest.length > 0) return { kind: 'malformed' };
  switch (scheme.toLowerCase()) {
    case 'bearer':
      return { kind: 'bearer', token };
    case 'basic': {
      if (!BASE64.test(token) || token.length % 4 === 1) return { kind: 'malformed' };
      const decoded = Buffer.from(token, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0) return { kind: 'malformed' };
      return { kind: 'basic', user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    default:
      return { kind: 'malformed' };
  }
}

export type Login =
  | { readonly kind: 'in'; readonly user: string | null }
  | {
      readonly kind: 'refused';
      readonly status: 400 | 401 | 429;
      readonly code: string;
      readonly message: string;
      /** Send the WWW-Authenticate challenge (the 401s). */
      readonly challenge: boolean;
      /** For the log: who tried, and why it failed (never the password). */
      readonly attempt?: { readonly user: string; readonly reason: string };
    };

/** Neo4j's `AuthorizationEnabledFilter.WWW_AUTH_HEADER`. */
export const WWW_AUTHENTICATE = 'Basic realm="Neo4j", Bearer realm="Neo4j"';

/** Logs a request in; with auth disabled anyone is in, as no user. */
export function login(dbms: Dbms, authEnabled: boolean, header: string | undefined): Login {
  if (!authEnabled) return { kind: 'in', user: null };
  const parsed = parseAuthorization(header);
  switch (parsed.kind) {
    case 'missing':
      return refused(401, UNAUTHORIZED, 'No authentication header supplied.');
    case 'malformed':
      return refused(400, INVALID_FORMAT, 'Invalid authentication header.');
    case 'bearer':
      // The native auth provider knows no tokens; Neo4j's auth manager refuses the scheme.
      return refused(401, UNAUTHORIZED, "Unsupported authentication token, scheme 'bearer' is not supported.", {
        user: '',
        reason: "unsupported scheme 'bearer'",
      });
    case 'basic':
      try {
        return { kind: 'in', user: dbms.authenticate(parsed.user, parsed.password).user };
      } catch (error) {
        if (!(error instanceof Neo4jError)) throw error;
        const attempt = { user: parsed.user, reason: error.code };
        if (error.code === StatusCode.AuthenticationRateLimit) {
          return refused(429, RATE_LIMITED, 'Too many failed authentication requests. Please wait 5 seconds and try again.', attempt);
        }
        return refused(401, UNAUTHORIZED, 'Invalid credential.', attempt);
      }
    default:
      return assertNever(parsed, 'Authorization header');
  }
}

function refused(status: 400 | 401 | 429, code: string, message: string, attempt?: { user: string; reason: string }): Login {
  return { kind: 'refused', status, code, message, challenge: status === 401, ...(attempt ? { attempt } : {}) };
}
