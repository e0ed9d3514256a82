/**
 * The Query API's errors: the envelope `{"errors":[{"code","message"}]}` and the HTTP status of
 * each. An engine error keeps its Neo4j code and message (the wire table in the core) and gets the
 * status Neo4j's exception mapper (`Neo4jExceptionMapper`, 2025.11+) derives from the driver's
 * exception class: an unknown database (FatalDiscoveryException) 404, client and transient errors
 * 400, database errors 500. Everything else a statement throws is our bug: 500, as Neo4j answers.
 */
import { Neo4jError, StatusCode, wireError } from '../../index.js';

/** An error answered as it is, with Neo4j's code (also ones the engine does not raise, e.g. `Request.InvalidFormat`). */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
  }
}

export const REQUEST_INVALID = 'Neo.ClientError.Request.Invalid';
export const INVALID_FORMAT = 'Neo.ClientError.Request.InvalidFormat';
export const UNAUTHORIZED = 'Neo.ClientError.Security.Unauthorized';
export const RATE_LIMITED = 'Neo.ClientError.Security.AuthenticationRateLimit';
export const RESOURCE_EXHAUSTION = 'Neo.TransientError.Request.ResourceExhaustion';
export const CONCURRENT_ACCESS = 'Neo.ClientError.Transaction.TransactionAccessedConcurrently';
const UNKNOWN_ERROR = 'Neo.DatabaseError.General.UnknownError';
/** Neo4j's description of Status.General.UnknownError, the whole message of a 500. */
const UNKNOWN_ERROR_TEXT = 'An unknown error occurred.';

/** Every engine status, so that a new one must be given a status here. */
export const HTTP_STATUS: Readonly<Record<StatusCode, 400 | 404 | 500>> = {
  [StatusCode.SyntaxError]: 400,
  [StatusCode.ArgumentError]: 400,
  [StatusCode.ParameterMissing]: 400,
  [StatusCode.SemanticError]: 400,
  [StatusCode.TypeError]: 400,
  [StatusCode.ArithmeticError]: 400,
  [StatusCode.CredentialsExpired]: 400,
  [StatusCode.Unauthorized]: 400,
  [StatusCode.AuthenticationRateLimit]: 400,
  // Transient: the driver's TransientException, which the mapper answers as a client error.
  [StatusCode.TransactionOutdated]: 400,
  [StatusCode.Forbidden]: 400,
  [StatusCode.InvalidArguments]: 400,
  [StatusCode.NotSystemDatabaseError]: 400,
  // A DatabaseError whose GQL classification is not CLIENT_ERROR.
  [StatusCode.ExecutionFailed]: 500,
  [StatusCode.TransactionTimedOut]: 400,
  [StatusCode.TransactionMemoryLimit]: 400,
  [StatusCode.DatabaseNotFound]: 404,
  [StatusCode.RequestInvalid]: 400,
  [StatusCode.ProcedureNotFound]: 400,
  // Travels as Neo.ClientError.Statement.UnsupportedOperationError.
  [StatusCode.NotSupported]: 400,
  [StatusCode.InternalError]: 500,
  [StatusCode.UnknownClientCommand]: 400,
};

export interface ErrorReply {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

/** What to answer for `error`; `internal` is told of anything that is not a Neo4j error (a bug), for the log. */
export function errorReply(error: unknown, internal: (error: unknown) => void): ErrorReply {
  if (error instanceof HttpError) return { status: error.status, code: error.code, message: error.message };
  if (error instanceof Neo4jError) {
    const wire = wireError(error.code, error.message);
    return { status: HTTP_STATUS[error.code], code: wire.code, message: wire.message };
  }
  internal(error);
  return { status: 500, code: UNKNOWN_ERROR, message: UNKNOWN_ERROR_TEXT };
}

/** The body of every error answer. */
export function errorBody(code: string, message: string): string {
  return `{"errors":[${errorObject(code, message)}]}`;
}

export function errorObject(code: string, message: string): string {
  return `{"code":${JSON.stringify(code)},"message":${JSON.stringify(message)}}`;
}
