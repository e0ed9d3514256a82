/**
 * CORS as Neo4j's web server does it for every path, the Query API included (`rest/web/CorsFilter`,
 * added for `/*` by `DBMSModule`): `Access-Control-Allow-Origin: *` on every answer, and a
 * preflight's requested method and headers echoed (the method only when it is one of Neo4j's
 * `HttpMethod` names, the headers only when not blank and free of control characters).
 */
import { describe, expect, it } from 'vitest';
import { corsHeaders } from '../../../src/server/http/cors.js';
import { call, startHttp } from '../../support/http.js';

describe('CORS', () => {
  it('allows any origin on every answer: results, errors, discovery, authentication failures', async () => {
    const { url } = await startHttp();
    const origin = { origin: 'https://app.example' };
    const answers = [
      await call(url, '/db/system/query/v2', { headers: origin, body: { statement: 'SHOW USERS' } }),
      await call(url, '/db/system/query/v2', { headers: origin, body: { statement: 'SHOW USERS WHERE' } }),
      await call(url, '/', { method: 'GET', headers: { ...origin, authorization: '' } }),
      await call(url, '/db/system/query/v2', { headers: { ...origin, authorization: '' }, body: { statement: 'SHOW USERS' } }),
    ];
    expect(answers.map((a) => [a.status, a.headers['access-control-allow-origin'], a.headers['vary']])).toEqual([
      [202, '*', undefined],
      [400, '*', undefined],
      [200, '*', undefined],
      [401, '*', undefined],
    ]);
  });

  it('answers a browser’s preflight without credentials, echoing the method and headers it asks for', async () => {
    const { url } = await startHttp();
    const preflight = await call(url, '/db/system/query/v2', {
      method: 'OPTIONS',
      headers: {
        authorization: '',
        'content-type': '',
        origin: 'https://app.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers).toMatchObject({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'authorization,content-type',
      allow: 'POST, OPTIONS',
    });
  });

  it('echoes only a method Neo4j knows, by its exact name, and only header names without control characters', () => {
    expect(corsHeaders({ 'access-control-request-method': 'post' })).toEqual({ 'access-control-allow-origin': '*' });
    expect(corsHeaders({ 'access-control-request-method': 'BREW' })).toEqual({ 'access-control-allow-origin': '*' });
    expect(corsHeaders({ 'access-control-request-method': 'DELETE', 'access-control-request-headers': 'x-a\u0001' })).toEqual({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'DELETE',
    });
    expect(corsHeaders({ 'access-control-request-headers': '  ' })).toEqual({ 'access-control-allow-origin': '*' });
  });
});
