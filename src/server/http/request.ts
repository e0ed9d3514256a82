/**
 * A Query API request body (`QueryRequest` of Neo4j 2026.06): its fields checked and its parameters
 * decoded. Plain JSON parameters are JSON values with `1` an INTEGER and `1.0` a FLOAT, as Jackson
 * reads them; typed JSON ones are `{"$type", "_value"}` objects. An empty body is a request with
 * every field at its default (a keep-alive, a commit). A field the server does not know is refused,
 * as Jackson refuses it, never ignored. No message quotes the body: it may hold a password.
 */
import { JsonError, MAX_NESTING, readJson, type JsonValue } from '../../index.js';
import { HttpError, REQUEST_INVALID } from './errors.js';
import type { Format } from './media.js';
import { decodeParameters } from './values.js';

export interface QueryRequest {
  /** null when absent or empty: no statement (begin, keep-alive, commit without one). */
  readonly statement: string | null;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly includeCounters: boolean;
  readonly accessMode: 'READ' | 'WRITE';
  /** Seconds; 0 is the server's default. */
  readonly maxExecutionTime: number;
  readonly bookmarks: readonly string[];
  /** Trimmed; null when absent or blank. */
  readonly impersonatedUser: string | null;
  readonly txType: string | null;
  readonly txMetadata: Readonly<Record<string, unknown>> | null;
}

const DEFAULTS: QueryRequest = {
  statement: null,
  parameters: {},
  includeCounters: false,
  accessMode: 'WRITE',
  maxExecutionTime: 0,
  bookmarks: [],
  impersonatedUser: null,
  txType: null,
  txMetadata: null,
};

/** A typed value is two objects deep per level of nesting, under the request object and its `parameters`. */
const MAX_DEPTH = 2 * MAX_NESTING + 4;

type Reader = (value: JsonValue, request: Writable, format: Format) => void;
type Writable = { -readonly [K in keyof QueryRequest]: QueryRequest[K] };

const FIELDS: Readonly<Record<string, Reader>> = {
  statement: (value, request) => {
    const statement = string(value, 'statement');
    request.statement = statement === '' ? null : statement;
  },
  parameters: (value, request, format) => {
    request.parameters = map(value, 'parameters', format);
  },
  includeCounters: (value, request) => {
    if (typeof value !== 'boolean') throw field('includeCounters', 'a boolean');
    request.includeCounters = value;
  },
  accessMode: (value, request) => {
    // Jackson reads the enum in any case (ACCEPT_CASE_INSENSITIVE_ENUMS).
    const mode = string(value, 'accessMode').toUpperCase();
    if (mode !== 'READ' && mode !== 'WRITE') throw field('accessMode', '"READ" or "WRITE"');
    request.accessMode = mode;
  },
  maxExecutionTime: (value, request) => {
    if (typeof value !== 'bigint' || value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw field('maxExecutionTime', 'a whole number of seconds');
    }
    request.maxExecutionTime = Number(value);
  },
  bookmarks: (value, request) => {
    if (!Array.isArray(value) || !value.every((b) => typeof b === 'string')) throw field('bookmarks', 'a list of strings');
    request.bookmarks = value as string[];
  },
  impersonatedUser: (value, request) => {
    const user = string(value, 'impersonatedUser').trim();
    request.impersonatedUser = user === '' ? null : user;
  },
  txType: (value, request) => {
    request.txType = string(value, 'txType');
  },
  txMetadata: (value, request, format) => {
    request.txMetadata = map(value, 'txMetadata', format);
  },
};

/** The request in `body`, which is in `format`; throws 400 `Request.Invalid` for one that is not a request. */
export function readQueryRequest(body: string, format: Format): QueryRequest {
  if (body.length === 0) return DEFAULTS;
  let parsed: JsonValue;
  try {
    parsed = readJson(body, MAX_DEPTH, { integers: 'bigint' });
  } catch (error) {
    // readJson's message gives a line and column only, never the text around them.
    if (error instanceof JsonError) throw new HttpError(400, REQUEST_INVALID, `The request body is not valid JSON: ${error.message}.`);
    throw error;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new HttpError(400, REQUEST_INVALID, 'The request body must be a JSON object.');
  }
  const request: Writable = { ...DEFAULTS };
  for (const [name, value] of Object.entries(parsed)) {
    const read = Object.hasOwn(FIELDS, name) ? FIELDS[name] : undefined;
    if (read === undefined) {
      throw new HttpError(
        400,
        REQUEST_INVALID,
        `The request has a field the Query API does not know: ${JSON.stringify(name.slice(0, 100))}.`,
      );
    }
    // A field given as null is a field left out, as Jackson sets it.
    if (value !== null) read(value, request, format);
  }
  return request;
}

function string(value: JsonValue, name: string): string {
  if (typeof value !== 'string') throw field(name, 'a string');
  return value;
}

function map(value: JsonValue, name: string, format: Format): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw field(name, 'an object');
  return format === 'typed' ? decodeParameters(value) : value;
}

function field(name: string, expected: string): HttpError {
  return new HttpError(400, REQUEST_INVALID, `The request field '${name}' must be ${expected}.`);
}
