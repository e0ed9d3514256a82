import { StatusCode } from '../diagnostics.js';

/**
 * A statement that Neo4j would refuse: the status code and message it would send. The database a
 * failed statement ran against is unchanged, because the store is immutable.
 */
export class Neo4jError extends Error {
  readonly code: StatusCode;

  constructor(code: StatusCode, message: string) {
    super(message);
    this.name = 'Neo4jError';
    this.code = code;
  }
}

export function argumentError(message: string): Neo4jError {
  return new Neo4jError(StatusCode.ArgumentError, message);
}

export function typeError(message: string): Neo4jError {
  return new Neo4jError(StatusCode.TypeError, message);
}

export function notSupported(message: string): Neo4jError {
  return new Neo4jError(StatusCode.NotSupported, `${message} is not supported by cypher-sysdb.`);
}

/** Neo4j's AuthorizationViolationException: refused whatever privileges the user holds. */
export function forbidden(message: string): Neo4jError {
  return new Neo4jError(StatusCode.Forbidden, message);
}
