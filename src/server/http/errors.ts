/**
 * The Query API's errors: the envelope `{"errors":[{"code","message"}]}` and the HTTP status of
 * each. An engine error keeps its Neo4j code and message (the wire table in the core) and gets the
 * status Neo4j's exception mapper (`Neo4jExceptionMapper`, 2025.11+) derives from the driver's
 * exception class and GQL classification (see httpStatus). Everything else a statement throws is our bug: 500, as Neo4j answers.
 */
import { Neo4jError, StatusCode, WIRE_STATUS, wireError } from '../../index.js';

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

/**
 * The HTTP status of an engine error, by `Neo4jExceptionMapper` (2025.11+) applied to the exception
 * the embedded Java driver makes of it (ErrorUtil: the class follows the Neo4j code's middle part):
 * DatabaseNotFound is a FatalDiscoveryException, 404; any other ClientError or TransientError a
 * ClientException or TransientException, 400; a DatabaseError a DatabaseException, 400 when its GQL
 * classification is CLIENT_ERROR, else 500. Derived from the core's status table, so a new status
 * code needs no entry here.
 *
 * Administration errors ("User already exists", …) get these statuses too, never a 202 with
 * `errors`: an updating system command runs to its end while the query starts
 * (UpdatingSystemCommandExecutionPlan.run consumes the inner query and asserts it did not fail),
 * so the driver's `session.run` throws before any row is written.
 */
export function httpStatus(code: StatusCode): 400 | 404 | 500 {
  const wire = WIRE_STATUS[code];
  if (wire.code === StatusCode.DatabaseNotFound) return 404;
  const kind = wire.code.split('.')[1];
  if (kind === 'ClientError' || kind === 'TransientError') return 400;
  return wire.classification === 'CLIENT_ERROR' ? 400 : 500;
}

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
    return { status: httpStatus(error.code), code: wire.code, message: wire.message };
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
