/**
 * Bolt messages: requests decoded from their Structure into a typed union (field counts and field
 * types checked, so the state machine never meets a malformed message), and the four responses
 * encoded to PackStream bytes ready for chunking.
 */
import type { Classification, WireError } from '../../index.js';
import { ProtocolError } from './errors.js';
import { encode, hex, Structure, typeName, type Dictionary, type Packable, type PackableDictionary, type PackValue } from './packstream.js';
import { atLeast, versionText, type BoltVersion } from './version.js';

export type RequestMessage =
  /** `extra` holds user_agent, bolt_agent, routing, notification filters (and the auth token on 5.0). */
  | { readonly kind: 'HELLO'; readonly extra: Dictionary }
  | { readonly kind: 'LOGON'; readonly auth: Dictionary }
  | { readonly kind: 'LOGOFF' }
  /** 0 managed transaction, 1 explicit transaction, 2 auto-commit, 3 executeQuery. */
  | { readonly kind: 'TELEMETRY'; readonly api: 0 | 1 | 2 | 3 }
  | { readonly kind: 'GOODBYE' }
  | { readonly kind: 'RESET' }
  /** `extra`: bookmarks, tx_timeout, tx_metadata, mode, db, imp_user, notification filters. */
  | { readonly kind: 'RUN'; readonly query: string; readonly parameters: Dictionary; readonly extra: Dictionary }
  /** `n` is -1 (all) or at least 1; `qid` is -1 (the last statement) when the client sent none. */
  | { readonly kind: 'PULL'; readonly n: bigint; readonly qid: bigint }
  | { readonly kind: 'DISCARD'; readonly n: bigint; readonly qid: bigint }
  | { readonly kind: 'BEGIN'; readonly extra: Dictionary }
  | { readonly kind: 'COMMIT' }
  | { readonly kind: 'ROLLBACK' }
  /** `extra` holds db and imp_user (the 4.4+ form; 4.3's bare db string is not served). */
  | { readonly kind: 'ROUTE'; readonly routing: Dictionary; readonly bookmarks: readonly string[]; readonly extra: Dictionary };

interface RequestSpec {
  readonly name: RequestMessage['kind'];
  readonly fields: number;
  /** The first Bolt version with this message. */
  readonly since?: BoltVersion;
  readonly read: (fields: FieldReader) => RequestMessage;
}

const REQUESTS = new Map<number, RequestSpec>([
  [0x01, { name: 'HELLO', fields: 1, read: (f) => ({ kind: 'HELLO', extra: f.dictionary(0, 'extra') }) }],
  [0x6a, { name: 'LOGON', fields: 1, since: { major: 5, minor: 1 }, read: (f) => ({ kind: 'LOGON', auth: f.dictionary(0, 'auth') }) }],
  [0x6b, { name: 'LOGOFF', fields: 0, since: { major: 5, minor: 1 }, read: () => ({ kind: 'LOGOFF' }) }],
  [0x54, { name: 'TELEMETRY', fields: 1, since: { major: 5, minor: 4 }, read: (f) => ({ kind: 'TELEMETRY', api: f.telemetryApi(0) }) }],
  [0x02, { name: 'GOODBYE', fields: 0, read: () => ({ kind: 'GOODBYE' }) }],
  [0x0f, { name: 'RESET', fields: 0, read: () => ({ kind: 'RESET' }) }],
  [
    0x10,
    {
      name: 'RUN',
      fields: 3,
      read: (f) => ({
        kind: 'RUN',
        query: f.string(0, 'query'),
        parameters: f.dictionary(1, 'parameters'),
        extra: f.dictionary(2, 'extra'),
      }),
    },
  ],
  [0x3f, { name: 'PULL', fields: 1, read: (f) => ({ kind: 'PULL', ...f.streamLimits(0) }) }],
  [0x2f, { name: 'DISCARD', fields: 1, read: (f) => ({ kind: 'DISCARD', ...f.streamLimits(0) }) }],
  [0x11, { name: 'BEGIN', fields: 1, read: (f) => ({ kind: 'BEGIN', extra: f.dictionary(0, 'extra') }) }],
  [0x12, { name: 'COMMIT', fields: 0, read: () => ({ kind: 'COMMIT' }) }],
  [0x13, { name: 'ROLLBACK', fields: 0, read: () => ({ kind: 'ROLLBACK' }) }],
  [
    0x66,
    {
      name: 'ROUTE',
      fields: 3,
      read: (f) => ({
        kind: 'ROUTE',
        routing: f.dictionary(0, 'routing'),
        bookmarks: f.strings(1, 'bookmarks'),
        extra: f.dictionary(2, 'extra'),
      }),
    },
  ],
]);

/** The request a decoded message value is. Throws ProtocolError when it is not one valid in `version`. */
export function decodeRequest(value: PackValue, version: BoltVersion): RequestMessage {
  if (!(value instanceof Structure)) throw new ProtocolError(`A Bolt message must be a Structure, not ${withArticle(typeName(value))}`);
  const spec = REQUESTS.get(value.tag);
  if (spec === undefined) throw new ProtocolError(`Unknown request message tag 0x${hex(value.tag)}`);
  if (spec.since && !atLeast(version, spec.since.major, spec.since.minor))
    throw new ProtocolError(`${spec.name} is not a Bolt ${versionText(version)} message (it came in ${versionText(spec.since)})`);
  if (value.fields.length !== spec.fields)
    throw new ProtocolError(`Invalid ${spec.name} message: ${plural(spec.fields, 'field')} expected, ${value.fields.length} received`);
  return spec.read(new FieldReader(spec.name, value.fields));
}

/** Typed access to a message's fields; a wrong type names the message and the field. */
class FieldReader {
  constructor(
    private readonly message: string,
    private readonly fields: readonly PackValue[],
  ) {}

  dictionary(index: number, name: string): Dictionary {
    const value = this.field(index);
    return value instanceof Map ? value : this.wrongType(name, 'a Dictionary', value);
  }

  string(index: number, name: string): string {
    const value = this.field(index);
    return typeof value === 'string' ? value : this.wrongType(name, 'a String', value);
  }

  strings(index: number, name: string): string[] {
    const value = this.field(index);
    if (!Array.isArray(value)) return this.wrongType(name, 'a List of Strings', value);
    return value.map((item) => (typeof item === 'string' ? item : this.wrongType(name, 'a List of Strings', item, 'an element')));
  }

  telemetryApi(index: number): 0 | 1 | 2 | 3 {
    const value = this.field(index);
    if (value === 0n || value === 1n || value === 2n || value === 3n) return Number(value) as 0 | 1 | 2 | 3;
    if (typeof value !== 'bigint') return this.wrongType('api', 'an Integer', value);
    throw new ProtocolError(`Invalid ${this.message} message: 'api' must be 0, 1, 2 or 3, not ${value}`);
  }

  /** PULL's and DISCARD's `{n, qid}`. */
  streamLimits(index: number): { n: bigint; qid: bigint } {
    const extra = this.dictionary(index, 'extra');
    const n = extra.get('n');
    if (typeof n !== 'bigint') return this.wrongType('n', 'an Integer', n ?? null);
    if (n !== -1n && n < 1n) throw new ProtocolError(`Invalid ${this.message} message: 'n' must be -1 (all) or at least 1, not ${n}`);
    const qid = extra.get('qid') ?? null;
    if (qid === null) return { n, qid: -1n };
    if (typeof qid !== 'bigint') return this.wrongType('qid', 'an Integer', qid);
    if (qid < -1n)
      throw new ProtocolError(`Invalid ${this.message} message: 'qid' must be -1 (the last statement) or a statement id, not ${qid}`);
    return { n, qid };
  }

  private field(index: number): PackValue {
    // The field count was checked against the spec before any reader runs.
    return this.fields[index] ?? null;
  }

  private wrongType(name: string, expected: string, value: PackValue, part = 'it'): never {
    throw new ProtocolError(
      `Invalid ${this.message} message: '${name}' must be ${expected}, but ${part} is ${withArticle(typeName(value))}`,
    );
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function withArticle(word: string): string {
  return `${/^[AEIOU]/.test(word) ? 'an' : 'a'} ${word}`;
}

// ---------------------------------------------------------------------------------------------------
// Responses: PackStream bytes of one message, for chunkAll.

export function success(metadata: PackableDictionary = {}): Uint8Array {
  return encode(new Structure(0x70, [metadata]));
}

export function record(values: readonly Packable[]): Uint8Array {
  return encode(new Structure(0x71, [values]));
}

export function ignored(): Uint8Array {
  return encode(new Structure(0x7e, []));
}

/** A GQL error as FAILURE carries it; a `cause` is another, without a Neo4j code. */
export interface GqlError {
  readonly message: string;
  readonly gqlStatus: string;
  readonly description: string;
  readonly classification: Classification;
  readonly cause?: GqlError;
}

export interface FailureDetails extends GqlError {
  /** `Neo.ClientError.Statement.ArgumentError` and the like. */
  readonly neo4jCode: string;
}

/** An error from the status table, in FAILURE's terms. */
export function failureDetails(error: WireError): FailureDetails {
  const { code, message, gqlStatus, description, classification } = error;
  return { neo4jCode: code, message, gqlStatus, description, classification };
}

/**
 * FAILURE in the negotiated version's shape: from 5.7 the GQL fields, with the code as `neo4j_code`;
 * before, only `code` and `message`. The drivers read the code key by version, so the wrong shape
 * reaches the user as code "N/A".
 */
export function failure(error: FailureDetails, version: BoltVersion): Uint8Array {
  const metadata: PackableDictionary = atLeast(version, 5, 7)
    ? { neo4j_code: error.neo4jCode, ...gqlFields(error) }
    : { code: error.neo4jCode, message: error.message };
  return encode(new Structure(0x7f, [metadata]));
}

function gqlFields(error: GqlError): { [key: string]: Packable } {
  const fields: { [key: string]: Packable } = {
    message: error.message,
    gql_status: error.gqlStatus,
    description: error.description,
    // Neo4j leaves out the default entries (OPERATION "", OPERATION_CODE "0", CURRENT_SCHEMA "/"); drivers fill them in.
    diagnostic_record: { _classification: error.classification },
  };
  if (error.cause) fields['cause'] = gqlFields(error.cause);
  return fields;
}
