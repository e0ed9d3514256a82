/**
 * The Query API's paths (`QueryResource`: `/db/{databaseName}/query/v2` and its `/tx` resources) and
 * discovery at `/`. A known path with another method is 405 with `Allow`, as JAX-RS answers.
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
  | { readonly kind: 'not-found' };

type Resource =
  | { readonly kind: 'discovery' }
  | { readonly kind: 'query' | 'begin' | 'commit'; readonly database: string; readonly id: string }
  | { readonly kind: 'transaction'; readonly database: string; readonly id: string };

export function route(method: string, target: string): Route {
  const resource = resourceOf(target);
  if (resource === null) return { kind: 'not-found' };
  switch (resource.kind) {
    case 'discovery':
      return method === 'GET' ? { kind: 'discovery' } : { kind: 'not-allowed', allow: 'GET' };
    case 'query':
    case 'begin':
      if (method !== 'POST') return { kind: 'not-allowed', allow: 'POST' };
      return { kind: resource.kind, database: resource.database };
    case 'commit':
      if (method !== 'POST') return { kind: 'not-allowed', allow: 'POST' };
      return { kind: 'commit', database: resource.database, id: resource.id };
    case 'transaction':
      if (method === 'POST') return { kind: 'run', database: resource.database, id: resource.id };
      if (method === 'DELETE') return { kind: 'rollback', database: resource.database, id: resource.id };
      return { kind: 'not-allowed', allow: 'DELETE, POST' };
    default:
      return assertNever(resource, 'resource');
  }
}

/** Paths a request may take without credentials (Neo4j's auth filter whitelist): discovery. */
export function isPublic(target: string): boolean {
  return pathOf(target) === '/';
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
