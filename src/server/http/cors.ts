/**
 * The CORS headers Neo4j's web server puts on every response (`rest/web/CorsFilter`, added for
 * `/*` by the DBMS module, so the Query API has them too): `Access-Control-Allow-Origin` with the
 * setting `dbms.security.http_access_control_allow_origin` (default `*`, which cypher-sysdb always
 * uses, so no `Vary`), and, echoed from a preflight, the requested method when it is an HTTP method
 * Neo4j knows and the requested headers when the value is not blank and has no control character.
 */

/** Neo4j's `HttpMethod` names, matched exactly (no case folding). */
const METHODS: ReadonlySet<string> = new Set(['OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'TRACE', 'CONNECT']);

export function corsHeaders(request: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const headers: Record<string, string> = { 'access-control-allow-origin': '*' };
  const method = request['access-control-request-method'];
  if (method !== undefined && METHODS.has(method)) headers['access-control-allow-methods'] = method;
  const names = request['access-control-request-headers'];
  if (names !== undefined && validHeaderNames(names)) headers['access-control-allow-headers'] = names;
  return headers;
}

/** `HttpHeaderUtils.isValidHttpHeaderName`: not blank, and no control character (no CRLF injection). */
function validHeaderNames(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return value.trim() !== '' && !/[\u0000-\u001f\u007f-\u009f]/.test(value);
}
