/**
 * The Query API's paths (`QueryResource`: `/db/{databaseName}/query/v2` and its `/tx` resources) and
 * discovery at `/`. A known path with another method is 405 with `Allow`, and OPTIONS names the
 * methods, as JAX-RS answers.
 */
import { assertNever } from '../../index.js';

export type Route =
  | { readonly kind: 'discovery' }
  | { readonly kind: 'query'; readonly database: string }
  | { readonly kind: 'begin'; readonly database: string }
  | { readonly kind: 'run'; readonly database: string; readonly id: string }
  | { readonly kind: 'commit'; readonly database: string; readonly id: string }
  | { readonly kind: 'rollback'; readonly database: string; readonly id: string }
  | { readonly kind: 'not-allowed'; readonly allow: string }
  | { readonly kind: 'options'; readonly allow: string }
  | { readonly kind: 'not-found' };

type Resource =
  | { readonly kind: 'discovery' }
  | { readonly kind: 'query' | 'begin' | 'commit'; readonly database: string; readonly id: string }
  | { readonly kind: 'transaction'; readonly database: string; readonly id: string };

export function route(method: string, target: string): Route {
  const resource = resourceOf(target);
  if (resource === null) return { kind: 'not-found' };
  if (method === 'OPTIONS') return { kind: 'options', allow: `${ALLOW[resource.kind]}, OPTIONS` };
  switch (resource.kind) {
    case 'discovery':
      // HEAD is GET without the body, which Node leaves out.
      return method === 'GET' || method === 'HEAD' ? { kind: 'discovery' } : { kind: 'not-allowed', allow: ALLOW.discovery };
    case 'query':
    case 'begin':
      if (method !== 'POST') return { kind: 'not-allowed', allow: ALLOW[resource.kind] };
      return { kind: resource.kind, database: resource.database };
    case 'commit':
      if (method !== 'POST') return { kind: 'not-allowed', allow: ALLOW.commit };
      return { kind: 'commit', database: resource.database, id: resource.id };
    case 'transaction':
      if (method === 'POST') return { kind: 'run', database: resource.database, id: resource.id };
      if (method === 'DELETE') return { kind: 'rollback', database: resource.database, id: resource.id };
      return { kind: 'not-allowed', allow: ALLOW.transaction };
    default:
      return assertNever(resource, 'resource');
  }
}

const ALLOW: Readonly<Record<Resource['kind'], string>> = {
  discovery: 'GET, HEAD',
  query: 'POST',
  begin: 'POST',
  commit: 'POST',
  transaction: 'DELETE, POST',
};

/** Requests that need no credentials (Neo4j's auth filter lets them by): discovery, and OPTIONS anywhere. */
export function isPublic(method: string, target: string): boolean {
  return method === 'OPTIONS' || pathOf(target) === '/';
}

function resourceOf(target: string): Resource | null {
  const path = pathOf(target);
  if (path === '/') return { kind: 'discovery' };
  const segments = path.replace(/\/$/, '').split('/').slice(1);
  let decoded: string[];
  try {
    decoded = segments.map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
  const [db, database = '', query, v2, tx, id = '', commit, ...rest] = decoded;
  if (db !== 'db' || database === '' || query !== 'query' || v2 !== 'v2' || rest.length > 0) return null;
  if (tx === undefined) return { kind: 'query', database, id: '' };
  if (tx !== 'tx') return null;
  if (id === '') return decoded.length === 5 ? { kind: 'begin', database, id: '' } : null;
  if (commit === undefined) return { kind: 'transaction', database, id };
  return commit === 'commit' ? { kind: 'commit', database, id } : null;
}

function pathOf(target: string): string {
  const query = target.indexOf('?');
  return query < 0 ? target : target.slice(0, query);
}
