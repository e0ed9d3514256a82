import { StatusCode } from './codes.js';
import { MASKED_WORD } from '../render/mask.js';
import { isList, isMap, type Value } from '../exec/values.js';

/**
 * A statement that Neo4j would refuse: the status code and message it would send. The database a
 * failed statement ran against is unchanged, because the store is immutable.
 */
export class Neo4jError extends Error {
  readonly code: StatusCode;
  /** The GQLSTATUS when it is not the one the status table gives the code (one Neo4j code, several GQL conditions). */
  readonly gql: GqlStatusOverride | undefined;

  constructor(code: StatusCode, message: string, gql?: GqlStatusOverride) {
    super(message);
    this.name = 'Neo4jError';
    this.code = code;
    this.gql = gql;
  }
}

/** A GQLSTATUS code and its status description without the message part (docs-status-codes, `errors/gql-errors/`). */
export interface GqlStatusOverride {
  readonly gqlStatus: string;
  readonly statusDescription: string;
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

/**
 * A value as an error message shows it, Neo4j-style (`[1, {a: ******}]`), with every string masked:
 * the value may be a parameter that holds a password (`SET TAGS $password`). `quote` wraps strings
 * in quotes, as the parameter messages do.
 */
export function shownValue(value: Value, quote = false): string {
  if (typeof value === 'string') return quote ? `'${MASKED_WORD}'` : MASKED_WORD;
  if (isList(value)) return `[${value.map((v) => shownValue(v, quote)).join(', ')}]`;
  if (isMap(value))
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}: ${shownValue(v, quote)}`)
      .join(', ')}}`;
  return String(value);
}
