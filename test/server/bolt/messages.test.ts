/**
 * Bolt request messages as neo4j-driver sends them (bolt.md §5, §6), decoded into the typed union with
 * their fields checked; and the responses, byte for byte, in the shape each version's drivers read.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunk, Dechunker } from '../../../src/server/bolt/chunking.js';
import { BoltWireError, ProtocolError } from '../../../src/server/bolt/errors.js';
import {
  decodeRequest,
  failure,
  ignored,
  record,
  success,
  type FailureDetails,
  type GqlError,
  type RequestMessage,
} from '../../../src/server/bolt/messages.js';
import { decode, encode, Structure, type PackValue } from '../../../src/server/bolt/packstream.js';
import type { Classification } from '../../../src/index.js';
import type { BoltVersion } from '../../../src/server/bolt/version.js';
import { hex, toHex, utf8 } from '../../support/bytes.js';
import { driverUnpack } from '../../support/driver-codec.js';
import { arbitraryPackValue } from '../../support/pack-arbitraries.js';

const V5_0: BoltVersion = { major: 5, minor: 0 };
const V5_6: BoltVersion = { major: 5, minor: 6 };
const V5_7: BoltVersion = { major: 5, minor: 7 };
const V5_8: BoltVersion = { major: 5, minor: 8 };
const V6_0: BoltVersion = { major: 6, minor: 0 };

const map = (entries: Record<string, PackValue> = {}) => new Map(Object.entries(entries));
/** A framed message, as it arrives: dechunked, then decoded. */
const fromWire = (framed: string, version = V5_8) => {
  const [message, ...more] = new Dechunker().push(hex(framed));
  if (!message || more.length > 0) throw new Error('expected one message');
  return decodeRequest(decode(message), version);
};
const request = (tag: number, fields: PackValue[], version = V5_8) => decodeRequest(new Structure(tag, fields), version);
const protocolError = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ProtocolError) return error.message;
    throw error;
  }
  throw new Error('no ProtocolError');
};

describe('requests from the wire (bolt.md §6)', () => {
  it('RUN "SHOW USERS" {} {db: "system"}, as neo4j-driver frames it', () => {
    const framed = `00 19 b3 10 8a ${utf8('SHOW USERS')} a0 a1 82 6462 86 ${utf8('system')} 00 00`;
    expect(fromWire(framed)).toEqual({ kind: 'RUN', query: 'SHOW USERS', parameters: map(), extra: map({ db: 'system' }) });
  });

  it('PULL {n: 1000}, with qid -1 when the client sends none', () => {
    expect(fromWire('00 08 b1 3f a1 81 6e c9 03 e8 00 00')).toEqual({ kind: 'PULL', n: 1000n, qid: -1n });
  });

  it('LOGON basic', () => {
    const framed = `00 35 b1 6a a3 86 ${utf8('scheme')} 85 ${utf8('basic')} 89 ${utf8('principal')} 85 ${utf8('neo4j')} 8b ${utf8('credentials')} 88 ${utf8('password')} 00 00`;
    expect(fromWire(framed)).toEqual({ kind: 'LOGON', auth: map({ scheme: 'basic', principal: 'neo4j', credentials: 'password' }) });
  });

  it('TELEMETRY 2 (bolt.md §12)', () => {
    expect(fromWire('00 03 b1 54 02 00 00')).toEqual({ kind: 'TELEMETRY', api: 2 });
  });
});

describe('decodeRequest', () => {
  const bolt = map({ product: 'neo4j-javascript/6.3.0' });
  it.each<[string, number, PackValue[], RequestMessage]>([
    ['HELLO', 0x01, [map({ user_agent: 'x', bolt_agent: bolt })], { kind: 'HELLO', extra: map({ user_agent: 'x', bolt_agent: bolt }) }],
    ['LOGOFF', 0x6b, [], { kind: 'LOGOFF' }],
    ['GOODBYE', 0x02, [], { kind: 'GOODBYE' }],
    ['RESET', 0x0f, [], { kind: 'RESET' }],
    [
      'RUN with parameters',
      0x10,
      ['RETURN $p', map({ p: 1n }), map()],
      { kind: 'RUN', query: 'RETURN $p', parameters: map({ p: 1n }), extra: map() },
    ],
    ['PULL all of statement 0', 0x3f, [map({ n: -1n, qid: 0n })], { kind: 'PULL', n: -1n, qid: 0n }],
    ['PULL with qid null (absent)', 0x3f, [map({ n: 5n, qid: null })], { kind: 'PULL', n: 5n, qid: -1n }],
    ['DISCARD', 0x2f, [map({ n: -1n })], { kind: 'DISCARD', n: -1n, qid: -1n }],
    ['BEGIN', 0x11, [map({ db: 'system', mode: 'r' })], { kind: 'BEGIN', extra: map({ db: 'system', mode: 'r' }) }],
    ['COMMIT', 0x12, [], { kind: 'COMMIT' }],
    ['ROLLBACK', 0x13, [], { kind: 'ROLLBACK' }],
    [
      'ROUTE',
      0x66,
      [map({ address: '127.0.0.1:7687' }), ['FB:1'], map({ db: null })],
      { kind: 'ROUTE', routing: map({ address: '127.0.0.1:7687' }), bookmarks: ['FB:1'], extra: map({ db: null }) },
    ],
    ['TELEMETRY 0', 0x54, [0n], { kind: 'TELEMETRY', api: 0 }],
    ['TELEMETRY 3', 0x54, [3n], { kind: 'TELEMETRY', api: 3 }],
  ])('%s', (_name, tag, fields, expected) => {
    expect(request(tag, fields)).toEqual(expected);
  });

  it.each([
    ['not a Structure', () => decodeRequest(map(), V5_8), 'A Bolt message must be a Structure, not a Dictionary'],
    ['an Integer', () => decodeRequest(1n, V5_8), 'A Bolt message must be a Structure, not an Integer'],
    ['a response tag (SUCCESS)', () => request(0x70, [map()]), 'Unknown request message tag 0x70'],
    ['an unknown tag', () => request(0x05, []), 'Unknown request message tag 0x05'],
    ['RUN without extra (the Bolt 1 form)', () => request(0x10, ['RETURN 1', map()]), 'Invalid RUN message: 3 fields expected, 2 received'],
    ['RESET with a field', () => request(0x0f, [null]), 'Invalid RESET message: 0 fields expected, 1 received'],
    ['HELLO without extra', () => request(0x01, []), 'Invalid HELLO message: 1 field expected, 0 received'],
    [
      'RUN with a query that is an Integer',
      () => request(0x10, [1n, map(), map()]),
      "Invalid RUN message: 'query' must be a String, but it is an Integer",
    ],
    [
      'RUN with parameters null',
      () => request(0x10, ['q', null, map()]),
      "Invalid RUN message: 'parameters' must be a Dictionary, but it is a Null",
    ],
    ['RUN with extra a List', () => request(0x10, ['q', map(), []]), "Invalid RUN message: 'extra' must be a Dictionary, but it is a List"],
    ['HELLO with extra a String', () => request(0x01, ['x']), "Invalid HELLO message: 'extra' must be a Dictionary, but it is a String"],
    ['LOGON with auth null', () => request(0x6a, [null]), "Invalid LOGON message: 'auth' must be a Dictionary, but it is a Null"],
    [
      'BEGIN with extra a Structure',
      () => request(0x11, [new Structure(1, [])]),
      "Invalid BEGIN message: 'extra' must be a Dictionary, but it is a Structure",
    ],
    ['PULL without n', () => request(0x3f, [map()]), "Invalid PULL message: 'n' must be an Integer, but it is a Null"],
    ['PULL with n a Float', () => request(0x3f, [map({ n: 1000 })]), "Invalid PULL message: 'n' must be an Integer, but it is a Float"],
    ['PULL with n 0', () => request(0x3f, [map({ n: 0n })]), "Invalid PULL message: 'n' must be -1 (all) or at least 1, not 0"],
    ['DISCARD with n -2', () => request(0x2f, [map({ n: -2n })]), "Invalid DISCARD message: 'n' must be -1 (all) or at least 1, not -2"],
    [
      'PULL with qid a String',
      () => request(0x3f, [map({ n: 1n, qid: '0' })]),
      "Invalid PULL message: 'qid' must be an Integer, but it is a String",
    ],
    [
      'PULL with qid -2',
      () => request(0x3f, [map({ n: 1n, qid: -2n })]),
      "Invalid PULL message: 'qid' must be -1 (the last statement) or a statement id, not -2",
    ],
    [
      'PULL with extra an Integer',
      () => request(0x3f, [1000n]),
      "Invalid PULL message: 'extra' must be a Dictionary, but it is an Integer",
    ],
    ['TELEMETRY 4', () => request(0x54, [4n]), "Invalid TELEMETRY message: 'api' must be 0, 1, 2 or 3, not 4"],
    ['TELEMETRY "2"', () => request(0x54, ['2']), "Invalid TELEMETRY message: 'api' must be an Integer, but it is a String"],
    [
      'ROUTE with bookmarks a String',
      () => request(0x66, [map(), 'FB:1', map()]),
      "Invalid ROUTE message: 'bookmarks' must be a List of Strings, but it is a String",
    ],
    [
      'ROUTE with a bookmark null',
      () => request(0x66, [map(), ['FB:1', null], map()]),
      "Invalid ROUTE message: 'bookmarks' must be a List of Strings, but an element is a Null",
    ],
    [
      'ROUTE with the 4.3 db string',
      () => request(0x66, [map(), [], 'system']),
      "Invalid ROUTE message: 'extra' must be a Dictionary, but it is a String",
    ],
  ])('refuses %s', (_name, run, message) => {
    expect(protocolError(run)).toBe(message);
  });

  it.each([
    ['LOGON', 0x6a, [map()], V5_0, 'LOGON is not a Bolt 5.0 message (it came in 5.1)'],
    ['LOGOFF', 0x6b, [], V5_0, 'LOGOFF is not a Bolt 5.0 message (it came in 5.1)'],
    ['TELEMETRY', 0x54, [2n], { major: 5, minor: 3 }, 'TELEMETRY is not a Bolt 5.3 message (it came in 5.4)'],
  ])('refuses %s before its version', (_name, tag, fields, version, message) => {
    expect(protocolError(() => request(tag, fields, version))).toBe(message);
    expect(request(tag, fields, V6_0).kind).toBe(_name);
  });

  it('random values give a request or a ProtocolError', () => {
    const tags = fc.constantFrom(0x01, 0x02, 0x0f, 0x10, 0x11, 0x12, 0x13, 0x2f, 0x3f, 0x54, 0x66, 0x6a, 0x6b, 0x70, 0x00);
    const structure = fc.tuple(tags, fc.array(arbitraryPackValue, { maxLength: 4 })).map(([tag, fields]) => new Structure(tag, fields));
    fc.assert(
      fc.property(fc.oneof(structure, arbitraryPackValue), (value) => {
        try {
          decodeRequest(value, V5_8);
        } catch (error) {
          if (!(error instanceof ProtocolError)) throw error;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('random bytes through the whole inbound path give requests or a BoltWireError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 60 }), (bytes) => {
        try {
          for (const message of new Dechunker({ maxMessageSize: 1000 }).push(bytes)) decodeRequest(decode(message), V5_8);
        } catch (error) {
          if (!(error instanceof BoltWireError)) throw error;
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('responses', () => {
  it('SUCCESS {} is 00 03 b1 70 a0 00 00 framed (bolt.md §3)', () => {
    expect(toHex(chunk(success({})))).toBe('00 03 b1 70 a0 00 00');
    expect(toHex(chunk(success()))).toBe('00 03 b1 70 a0 00 00');
  });

  it('SUCCESS with metadata, from a plain object or a Map', () => {
    const fields = ['user', 'roles', 'passwordChangeRequired', 'suspended', 'home'];
    expect(decode(success({ fields, t_first: 0n }))).toEqual(new Structure(0x70, [map({ fields, t_first: 0n })]));
    expect(success(map({ has_more: true }))).toEqual(success({ has_more: true }));
  });

  it('RECORD ["neo4j", null, false, null, null] is the bytes of bolt.md §6.2', () => {
    expect(toHex(chunk(record(['neo4j', null, false, null, null])))).toBe(toHex(hex('00 0d b1 71 95 85 6e656f346a c0 c2 c0 c0 00 00')));
  });

  it('IGNORED is b0 7e', () => {
    expect(toHex(ignored())).toBe('b0 7e');
  });

  const USER_EXISTS: FailureDetails = {
    neo4jCode: 'Neo.ClientError.Statement.ArgumentError',
    message: "Failed to create the specified user 'x': User already exists.",
    gqlStatus: '42N12',
    description: "error: syntax error or access rule violation - user already exists. User 'x' already exists.",
    classification: 'CLIENT_ERROR',
  };
  // The default entries (OPERATION, OPERATION_CODE, CURRENT_SCHEMA) are left out, as Neo4j leaves them.
  const DIAGNOSTIC = { _classification: 'CLIENT_ERROR' };

  it.each([V5_7, V5_8, V6_0])('FAILURE on %j: the GQL shape, code as neo4j_code', (version) => {
    expect(driverUnpack(failure(USER_EXISTS, version))).toEqual({
      signature: 0x7f,
      fields: [
        {
          neo4j_code: 'Neo.ClientError.Statement.ArgumentError',
          message: USER_EXISTS.message,
          gql_status: '42N12',
          description: USER_EXISTS.description,
          diagnostic_record: DIAGNOSTIC,
        },
      ],
    });
  });

  it.each([V5_0, { major: 5, minor: 4 }, V5_6])('FAILURE on %j: only code and message', (version) => {
    const bytes = failure(USER_EXISTS, version);
    expect(decode(bytes)).toEqual(new Structure(0x7f, [map({ code: USER_EXISTS.neo4jCode, message: USER_EXISTS.message })]));
    expect(toHex(bytes.subarray(0, 9))).toBe(`b1 7f a2 84 ${utf8('code')} d0`);
  });

  it.each<Classification>(['CLIENT_ERROR', 'TRANSIENT_ERROR', 'DATABASE_ERROR'])(
    'FAILURE carries the classification %s',
    (classification) => {
      const [metadata] = (decode(failure({ ...USER_EXISTS, classification }, V5_8)) as Structure).fields as [Map<string, PackValue>];
      expect(metadata.get('diagnostic_record')).toEqual(map({ ...DIAGNOSTIC, _classification: classification }));
    },
  );

  it('FAILURE with a nested cause: each cause without a Neo4j code, in the key order Neo4j sends', () => {
    const deepest: GqlError = { message: 'deeper', gqlStatus: '50N42', description: 'd', classification: 'DATABASE_ERROR' };
    const syntax: FailureDetails = {
      neo4jCode: 'Neo.ClientError.Statement.SyntaxError',
      message: "Invalid input 'CREAT'",
      gqlStatus: '42001',
      description: 'error: syntax error or access rule violation - invalid syntax',
      classification: 'CLIENT_ERROR',
      cause: {
        message: "Invalid input 'CREAT'",
        gqlStatus: '42I06',
        description: "error: syntax error or access rule violation - invalid input. Invalid input 'CREAT'.",
        classification: 'CLIENT_ERROR',
        cause: deepest,
      },
    };
    const [metadata] = (decode(failure(syntax, V5_8)) as Structure).fields as [Map<string, PackValue>];
    expect([...metadata.keys()]).toEqual(['neo4j_code', 'message', 'gql_status', 'description', 'diagnostic_record', 'cause']);
    const cause = metadata.get('cause') as Map<string, PackValue>;
    expect([...cause.keys()]).toEqual(['message', 'gql_status', 'description', 'diagnostic_record', 'cause']);
    expect(cause.get('gql_status')).toBe('42I06');
    const deeper = cause.get('cause') as Map<string, PackValue>;
    expect(deeper.get('diagnostic_record')).toEqual(map({ ...DIAGNOSTIC, _classification: 'DATABASE_ERROR' }));
    expect(deeper.has('cause')).toBe(false);
  });

  it('responses round-trip through encode', () => {
    expect(decode(record([1n, 'a', map({ k: [] })]))).toEqual(new Structure(0x71, [[1n, 'a', map({ k: [] })]]));
    expect(encode(new Structure(0x7e, []))).toEqual(ignored());
  });
});
