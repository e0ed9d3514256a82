/**
 * What each of our status codes is on the wire: the `Neo.*` code a driver sees, the GQLSTATUS code,
 * its status description (docs-status-codes, `errors/gql-errors/`) and the classification. Drivers
 * classify an error by its code's second part, so even our own codes travel as Neo4j codes: the
 * Python driver reports anything else as a DatabaseError (a server fault).
 *
 * The GQLSTATUS is the one Neo4j gives the most common error of each code; where Neo4j has none
 * for a code, it is Neo4j's own fallback, 50N42.
 */
import { StatusCode } from './codes.js';
import type { GqlStatusOverride } from './neo4j-error.js';

export type Classification = 'CLIENT_ERROR' | 'TRANSIENT_ERROR' | 'DATABASE_ERROR';

export type WireCode = `Neo.${'ClientError' | 'TransientError' | 'DatabaseError'}.${string}.${string}`;

export interface WireStatus {
  readonly code: WireCode;
  readonly gqlStatus: string;
  /** The GQL status description without its message part, e.g. `error: data exception - invalid value type`. */
  readonly statusDescription: string;
  readonly classification: Classification;
}

const SYNTAX = 'error: syntax error or access rule violation';
const DATA = 'error: data exception';
const PROCESSING = 'error: general processing exception';
const TRANSACTION = 'error: invalid transaction state';
const UNEXPECTED = { gqlStatus: '50N42', statusDescription: `${PROCESSING} - unexpected error` } as const;

/* @__NO_SIDE_EFFECTS__ */
function client(code: WireCode, gqlStatus: string, statusDescription: string): WireStatus {
  return { code, gqlStatus, statusDescription, classification: 'CLIENT_ERROR' };
}

/** Built by a call so that a bundle can drop the table where nothing reads it (its computed keys are not side-effect free to a bundler). */
export const WIRE_STATUS: Readonly<Record<StatusCode, WireStatus>> = /* @__PURE__ */ wireStatus();

/* @__NO_SIDE_EFFECTS__ */
function wireStatus(): Readonly<Record<StatusCode, WireStatus>> {
  return {
    [StatusCode.SyntaxError]: client(StatusCode.SyntaxError, '42001', `${SYNTAX} - invalid syntax`),
    [StatusCode.ArgumentError]: client(StatusCode.ArgumentError, '22N04', `${DATA} - invalid input value`),
    [StatusCode.ParameterMissing]: client(StatusCode.ParameterMissing, '42N51', `${SYNTAX} - invalid parameter`),
    [StatusCode.SemanticError]: client(StatusCode.SemanticError, '42001', `${SYNTAX} - invalid syntax`),
    [StatusCode.TypeError]: client(StatusCode.TypeError, '22G03', `${DATA} - invalid value type`),
    [StatusCode.ArithmeticError]: client(StatusCode.ArithmeticError, '22000', DATA),
    [StatusCode.CredentialsExpired]: client(StatusCode.CredentialsExpired, '42NFD', `${SYNTAX} - credentials expired`),
    [StatusCode.Unauthorized]: client(StatusCode.Unauthorized, '42NFF', `${SYNTAX} - permission/access denied`),
    [StatusCode.AuthenticationRateLimit]: client(StatusCode.AuthenticationRateLimit, '42NFF', `${SYNTAX} - permission/access denied`),
    [StatusCode.TransactionOutdated]: {
      code: StatusCode.TransactionOutdated,
      gqlStatus: '25N11',
      statusDescription: `${TRANSACTION} - conflicting transaction state`,
      classification: 'TRANSIENT_ERROR',
    },
    [StatusCode.Forbidden]: client(StatusCode.Forbidden, '42NFF', `${SYNTAX} - permission/access denied`),
    [StatusCode.InvalidArguments]: client(StatusCode.InvalidArguments, '22N04', `${DATA} - invalid input value`),
    [StatusCode.NotSystemDatabaseError]: client(StatusCode.NotSystemDatabaseError, UNEXPECTED.gqlStatus, UNEXPECTED.statusDescription),
    [StatusCode.ExecutionFailed]: {
      code: StatusCode.ExecutionFailed,
      gqlStatus: '50N07',
      statusDescription: `${PROCESSING} - execution failed`,
      classification: 'DATABASE_ERROR',
    },
    [StatusCode.TransactionTimedOut]: client(StatusCode.TransactionTimedOut, '25N05', `${TRANSACTION} - transaction closed`),
    [StatusCode.TransactionMemoryLimit]: {
      code: StatusCode.TransactionMemoryLimit,
      ...UNEXPECTED,
      classification: 'TRANSIENT_ERROR',
    },
    [StatusCode.DatabaseNotFound]: client(StatusCode.DatabaseNotFound, '22N51', `${DATA} - graph reference not found`),
    [StatusCode.RequestInvalid]: client(StatusCode.RequestInvalid, '08N06', 'error: connection exception - protocol error'),
    // FabricException.writingInReadAccessMode: 08N03 (its cause, 42N02, is not sent).
    [StatusCode.AccessMode]: client(StatusCode.AccessMode, '08N03', 'error: connection exception - failed to write to graph'),
    [StatusCode.ProcedureNotFound]: client(StatusCode.ProcedureNotFound, '42N08', `${SYNTAX} - no such procedure`),
    // Ours: a construct Neo4j has and cypher-sysdb does not model is, to a driver, Neo4j's "not supported".
    [StatusCode.NotSupported]: client(
      'Neo.ClientError.Statement.UnsupportedOperationError',
      '51N26',
      'error: system configuration or operation exception - not supported in this version',
    ),
    // Ours: a bug in cypher-sysdb is a server fault.
    [StatusCode.InternalError]: {
      code: 'Neo.DatabaseError.General.UnknownError',
      gqlStatus: '50N00',
      statusDescription: `${PROCESSING} - internal error`,
      classification: 'DATABASE_ERROR',
    },
    // Ours, a lint warning; sent to Neo4j, the statement is the syntax error Neo4j's parser gives.
    [StatusCode.UnbracketedTags]: client(StatusCode.SyntaxError, '42001', `${SYNTAX} - invalid syntax`),
    // Ours, a lint warning for a cypher-shell command; sent to a server, it is not Cypher at all.
    [StatusCode.UnknownClientCommand]: client(StatusCode.SyntaxError, '42001', `${SYNTAX} - invalid syntax`),
  };
}

/** What a driver receives for an error: Neo4j's `neo4j_code`, message and GQL fields. */
export interface WireError extends WireStatus {
  readonly message: string;
  /** `error: <condition> - <subcondition>. <message>`, as Neo4j words a GQL description. */
  readonly description: string;
}

/** `gql` replaces the table's GQLSTATUS for an error Neo4j gives another one (a `Neo4jError`'s own `gql`). */
export function wireError(code: StatusCode, message: string, gql?: GqlStatusOverride): WireError {
  const status = gql === undefined ? WIRE_STATUS[code] : { ...WIRE_STATUS[code], ...gql };
  return { ...status, message, description: `${status.statusDescription}. ${message}` };
}
