/** The Query API's pieces without sockets: value codecs, Java's double text, negotiation, headers, paths. */
import { describe, expect, it } from 'vitest';
import { StatusCode } from '../../../src/index.js';
import { parseAuthorization } from '../../../src/server/http/auth.js';
import { httpStatus } from '../../../src/server/http/errors.js';
import { negotiate, prefersJson, requestFormat } from '../../../src/server/http/media.js';
import { route } from '../../../src/server/http/routes.js';
import { decodeParameters, javaDouble, plainValue, typedValue } from '../../../src/server/http/values.js';

describe('javaDouble: Double.toString', () => {
  it.each([
    [1, '1.0'],
    [-0, '-0.0'],
    [0, '0.0'],
    [4.56, '4.56'],
    [100, '100.0'],
    [0.001, '0.001'],
    [0.0001, '1.0E-4'],
    [0.002, '0.002'],
    [5e-5, '5.0E-5'],
    [9.5e6, '9500000.0'],
    [1234567.5, '1234567.5'],
    [1e7, '1.0E7'],
    [3.2e9, '3.2E9'],
    [-1.5e-5, '-1.5E-5'],
    [1e21, '1.0E21'],
    [123456789012, '1.23456789012E11'],
    [Number.MAX_VALUE, '1.7976931348623157E308'],
    [Number.MIN_VALUE, '4.9E-324'],
    [0.1 + 0.2, '0.30000000000000004'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
  ])('%s is %s', (value, text) => {
    expect(javaDouble(value)).toBe(text);
  });
});

describe('values out', () => {
  const value = ['a"b', 1n, 2.5, null, true, { k: [7n] }, NaN] as const;
  it('plain JSON: numbers as numbers, NaN quoted as Jackson quotes it', () => {
    expect(plainValue(value)).toBe('["a\\"b",1,2.5,null,true,{"k":[7]},"NaN"]');
  });

  it('typed JSON: every value tagged, numbers as text', () => {
    expect(JSON.parse(typedValue(value))).toEqual({
      $type: 'List',
      _value: [
        { $type: 'String', _value: 'a"b' },
        { $type: 'Integer', _value: '1' },
        { $type: 'Float', _value: '2.5' },
        { $type: 'Null', _value: null },
        { $type: 'Boolean', _value: true },
        { $type: 'Map', _value: { k: { $type: 'List', _value: [{ $type: 'Integer', _value: '7' }] } } },
        { $type: 'Float', _value: 'NaN' },
      ],
    });
  });
});

describe('typed parameters in', () => {
  it('decodes every modelled type, Float text as Java reads it', () => {
    const decoded = decodeParameters({
      i: { $type: 'Integer', _value: '-9223372036854775808' },
      f: { $type: 'Float', _value: '3.2E9' },
      n: { $type: 'Float', _value: '-NaN' },
      inf: { $type: 'Float', _value: '-Infinity' },
      s: { $type: 'String', _value: 'x' },
      b: { $type: 'Boolean', _value: false },
      z: { $type: 'Null', _value: null },
      l: { $type: 'List', _value: [{ $type: 'Integer', _value: '1' }] },
      m: { $type: 'Map', _value: JSON.parse('{"__proto__": {"$type": "String", "_value": "own key"}}') as unknown },
    });
    expect(decoded).toEqual({
      i: -9223372036854775808n,
      f: 3.2e9,
      n: NaN,
      inf: -Infinity,
      s: 'x',
      b: false,
      z: null,
      l: [1n],
      m: expect.anything(),
    });
    expect(Object.getOwnPropertyNames(decoded['m'])).toEqual(['__proto__']);
  });

  it('refuses a value that is not typed, naming the parameter, never quoting the value', () => {
    expect(() => decodeParameters({ secret: { $type: 'Float', _value: 'hunter2' } })).toThrow(
      'The parameter $secret is a Float whose _value is not a number string.',
    );
    expect(() => decodeParameters({ p: { $type: 'Boolean', _value: 'true' } })).toThrow(
      'The parameter $p is a Boolean whose _value is not true or false.',
    );
    expect(() => decodeParameters({ p: { $type: 'Point', _value: 'SRID=7203;POINT (1 2)' } })).toThrow(
      'A parameter holding a POINT ($p) is not supported by cypher-sysdb.',
    );
  });
});

describe('negotiation', () => {
  it('reads the request body by Content-Type', () => {
    expect(requestFormat(undefined)).toBe('plain');
    expect(requestFormat('application/json;charset=UTF-8')).toBe('plain');
    expect(requestFormat('Application/VND.neo4j.query')).toBe('typed');
    expect(requestFormat('application/vnd.neo4j.query.v1.1')).toBe('typed');
    expect(requestFormat('text/plain')).toBeNull();
    expect(requestFormat('application/jsonl')).toBeNull();
  });

  it('answers in the most preferred type it produces, the client’s order breaking ties', () => {
    expect(negotiate(undefined)?.contentType).toBe('application/json');
    expect(negotiate('*/*')?.contentType).toBe('application/json');
    expect(negotiate('application/vnd.neo4j.query, application/json')?.contentType).toBe('application/vnd.neo4j.query');
    expect(negotiate('application/json;q=0.5, application/vnd.neo4j.query.v1.0')?.contentType).toBe('application/vnd.neo4j.query.v1.0');
    expect(negotiate('application/vnd.neo4j.query;q=0, application/*')?.contentType).toBe('application/json');
    expect(negotiate('text/html')).toBeNull();
    // JSON Lines (QueryMimeTypes: PLAIN_JSONL, TYPED_JSONL_V1x0, TYPED_JSONL_V1x1), never the default.
    expect(negotiate('text/html, application/jsonl')).toEqual({ format: 'plain', lines: true, contentType: 'application/jsonl' });
    expect(negotiate('application/vnd.neo4j.query.v1.1+jsonl')).toEqual({
      format: 'typed',
      lines: true,
      contentType: 'application/vnd.neo4j.query.v1.1+jsonl',
    });
    expect(negotiate('application/vnd.neo4j.query.v1.0+jsonl')?.contentType).toBe('application/vnd.neo4j.query.v1.0+jsonl');
    // There is no unversioned typed JSON Lines type.
    expect(negotiate('application/vnd.neo4j.query+jsonl')).toBeNull();
    expect(negotiate('application/*')?.contentType).toBe('application/json');
    expect(prefersJson('application/json')).toBe(true);
    expect(prefersJson('text/html,application/json')).toBe(false);
    expect(prefersJson(undefined)).toBe(false);
  });
});

describe('the Authorization header', () => {
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  it('splits Basic credentials at the first colon, as UTF-8', () => {
    expect(parseAuthorization(`Basic ${b64('neo4j:pa:ss')}`)).toEqual({ kind: 'basic', user: 'neo4j', password: 'pa:ss' });
    expect(parseAuthorization(`  basic   ${b64('jürgen:ünïcode')}  `)).toEqual({ kind: 'basic', user: 'jürgen', password: 'ünïcode' });
    expect(parseAuthorization(`Basic ${b64(':')}`)).toEqual({ kind: 'basic', user: '', password: '' });
  });

  it('keeps a Bearer token as it is, and calls the rest malformed', () => {
    expect(parseAuthorization('Bearer abc.def')).toEqual({ kind: 'bearer', token: 'abc.def' });
    expect(parseAuthorization(undefined)).toEqual({ kind: 'missing' });
    for (const header of ['', 'Basic', 'Basic a', 'Basic ***', 'Token x', `Basic ${b64('nocolon')}`]) {
      expect(parseAuthorization(header), header).toEqual({ kind: 'malformed' });
    }
  });
});

describe('routes', () => {
  it('knows the Query API paths, with a trailing slash and percent-escapes, and nothing else', () => {
    expect(route('POST', '/db/neo4j/query/v2')).toEqual({ kind: 'query', database: 'neo4j' });
    expect(route('POST', '/db/my%2Ddb/query/v2/?x=1')).toEqual({ kind: 'query', database: 'my-db' });
    expect(route('POST', '/db/system/query/v2/tx')).toEqual({ kind: 'begin', database: 'system' });
    expect(route('POST', '/db/system/query/v2/tx/ab12')).toEqual({ kind: 'run', database: 'system', id: 'ab12' });
    expect(route('DELETE', '/db/system/query/v2/tx/ab12')).toEqual({ kind: 'rollback', database: 'system', id: 'ab12' });
    expect(route('POST', '/db/system/query/v2/tx/ab12/commit')).toEqual({ kind: 'commit', database: 'system', id: 'ab12' });
    expect(route('GET', '/')).toEqual({ kind: 'discovery' });
    expect(route('HEAD', '/')).toEqual({ kind: 'discovery' });
    expect(route('POST', '/')).toEqual({ kind: 'not-allowed', allow: 'GET, HEAD' });
    expect(route('OPTIONS', '/db/x/query/v2/tx/1')).toEqual({ kind: 'options', allow: 'DELETE, POST, OPTIONS' });
    for (const path of [
      '/db',
      '/db//query/v2',
      '/db/x/query/v3',
      '/db/x/query/v2/tx//commit',
      '/db/x/query/v2/tx/1/rollback',
      '/db/%E0/query/v2',
    ]) {
      expect(route('POST', path), path).toEqual({ kind: 'not-found' });
    }
  });
});

describe('the HTTP status of each engine error', () => {
  // Neo4jExceptionMapper (2025.11+): FatalDiscoveryException 404; ClientException and
  // TransientException 400; DatabaseException 400 if its GQL classification is CLIENT_ERROR, else
  // 500. The embedded Java driver chooses the class from the Neo4j code: DatabaseNotFound is
  // FatalDiscovery, the rest by ClientError / TransientError / DatabaseError. A Record, so a new
  // status code does not compile until its status is pinned here.
  const EXPECTED: Record<StatusCode, 400 | 404 | 500> = {
    [StatusCode.SyntaxError]: 400,
    [StatusCode.ArgumentError]: 400,
    [StatusCode.ParameterMissing]: 400,
    [StatusCode.SemanticError]: 400,
    [StatusCode.TypeError]: 400,
    [StatusCode.ArithmeticError]: 400,
    [StatusCode.CredentialsExpired]: 400,
    [StatusCode.AccessMode]: 400,
    [StatusCode.Unauthorized]: 400,
    [StatusCode.AuthenticationRateLimit]: 400,
    [StatusCode.TransactionOutdated]: 400,
    [StatusCode.Forbidden]: 400,
    [StatusCode.InvalidArguments]: 400,
    [StatusCode.NotSystemDatabaseError]: 400,
    [StatusCode.ExecutionFailed]: 500,
    [StatusCode.TransactionTimedOut]: 400,
    [StatusCode.TransactionMemoryLimit]: 400,
    [StatusCode.DatabaseNotFound]: 404,
    [StatusCode.RequestInvalid]: 400,
    [StatusCode.ProcedureNotFound]: 400,
    [StatusCode.NotSupported]: 400,
    [StatusCode.InternalError]: 500,
    [StatusCode.UnknownClientCommand]: 400,
    // A lint warning of ours, never an error a statement fails with; it would travel as a syntax error.
    [StatusCode.UnbracketedTags]: 400,
  };
  it.each(Object.entries(EXPECTED) as [StatusCode, number][])('%s is %i, as Neo4j’s exception mapper answers it', (code, status) => {
    expect(httpStatus(code)).toBe(status);
  });
});
