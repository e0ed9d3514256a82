/**
 * Binding what a statement names to run-time values: parameters are resolved here, and values that
 * only parameters can make invalid (a short password in `$pw`, a number as a user name) are refused
 * here with Neo4j's messages. Literal values were already checked by the semantic pass.
 */
import type { PasswordFormat } from '../ast/users.js';
import type {
  DatabaseNameOrParameter,
  NameOrParameter,
  Parameter,
  PasswordValue,
  StringListOrParameter,
  StringOrParameter,
} from '../ast/values.js';
import { encryptedPassword, plaintextPasswordProblem } from '../catalog/passwords.js';
import type { Credential } from '../crypto/password.js';
import { StatusCode } from '../diagnostics/codes.js';
import { argumentError, Neo4jError, shownValue } from '../diagnostics/neo4j-error.js';
import { isList, valueAt, type Value } from './values.js';

export type Params = Readonly<Record<string, Value>>;

export function parameterValue(parameter: Parameter, params: Params): Value {
  const value = Object.hasOwn(params, parameter.name) ? params[parameter.name] : undefined;
  if (value === undefined) throw new Neo4jError(StatusCode.ParameterMissing, `Expected parameter(s): ${parameter.name}`);
  return value;
}

/** How Neo4j names a value's type in parameter errors. */
function cypherTypeName(value: Value): string {
  if (value === null) return 'NULL';
  if (typeof value === 'bigint') return 'Integer';
  if (typeof value === 'number') return 'Float';
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'string') return 'String';
  return isList(value) ? 'List' : 'Map';
}

/** A user or role name: as written, or a string parameter. */
export function nameValue(name: NameOrParameter, params: Params): string {
  if (name.kind === 'name') return name.value;
  const value = parameterValue(name, params);
  if (typeof value !== 'string') {
    throw new Neo4jError(StatusCode.TypeError, `Expected parameter $${name.name} to have type String but was ${cypherTypeName(value)}`);
  }
  return value;
}

export function stringValue(value: StringOrParameter, params: Params, what: string): string {
  if (value.kind === 'string') return value.value;
  const bound = parameterValue(value, params);
  if (typeof bound !== 'string') throw argumentError(`${what} must be a String, or a String parameter.`);
  return bound;
}

/** A password as its plaintext, validated as Neo4j validates it (length counted in code points). */
export function plaintextPassword(password: PasswordValue, params: Params, minimumLength: number): string {
  const value = passwordText(password, params);
  const problem = plaintextPasswordProblem(value, minimumLength);
  if (problem !== null) throw argumentError(problem);
  return value;
}

export function passwordText(password: PasswordValue, params: Params): string {
  if (password.kind === 'string') return password.value;
  const value = valueAt(params, password.name);
  if (value === null) throw new Neo4jError(StatusCode.ParameterMissing, `Expected parameter(s): ${password.name}`);
  if (typeof value !== 'string') {
    throw new Neo4jError(
      StatusCode.TypeError,
      `Expected password parameter $${password.name} to have type String but was ${cypherTypeName(value)}`,
    );
  }
  return value;
}

function encryptedCredential(password: PasswordValue, params: Params): Credential {
  const parsed = encryptedPassword(passwordText(password, params));
  if ('problem' in parsed) throw argumentError(parsed.problem);
  return parsed.credential;
}

export type PasswordInput =
  { readonly format: 'plaintext'; readonly text: string } | { readonly format: 'encrypted'; readonly credential: Credential };

export function passwordInput(password: PasswordValue, format: PasswordFormat, params: Params, minimumLength: number): PasswordInput {
  return format === 'encrypted'
    ? { format: 'encrypted', credential: encryptedCredential(password, params) }
    : { format: 'plaintext', text: plaintextPassword(password, params, minimumLength) };
}

/** Tags: a string or a list of strings; an empty list is allowed, an empty tag is not. Duplicates dropped. */
export function tagList(tags: StringListOrParameter, params: Params): string[] {
  const values = stringList(
    tags,
    params,
    () =>
      `Expected parameter \`$${(tags as Parameter).name}\` to be a String or a List of Strings but was \`${shownValue(parameterValue(tags as Parameter, params), true)}\`.`,
  );
  if (values.some((t) => t === '')) throw argumentError('Expected a non-empty String, List of non-empty Strings, or Parameter.');
  return [...new Set(values)];
}

/** REMOVE AUTH: a non-empty string or a non-empty list of non-empty strings. */
export function providerList(providers: StringListOrParameter, params: Params): string[] {
  const message = () =>
    `Expected parameter \`$${(providers as Parameter).name}\` to be a non-empty String or a non-empty List of non-empty Strings but was \`${shownValue(parameterValue(providers as Parameter, params), true)}\`.`;
  const values = stringList(providers, params, message);
  if (values.length === 0 || values.some((p) => p === '')) {
    if (providers.kind === 'parameter') throw argumentError(message());
    throw argumentError('Expected a non-empty String, non-empty List of non-empty Strings, or Parameter.');
  }
  return [...new Set(values)];
}

function stringList(list: StringListOrParameter, params: Params, wrongType: () => string): string[] {
  if (list.kind === 'string-list') return list.items.map((i) => i.value);
  const value = parameterValue(list, params);
  if (typeof value === 'string') return [value];
  if (isList(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw argumentError(wrongType());
}

/** A database name, normalised as Neo4j stores it (lower case). */
export function databaseName(name: DatabaseNameOrParameter, params: Params): string {
  if (name.kind === 'database-name') return name.parts.join('.').toLowerCase();
  const value = parameterValue(name, params);
  if (typeof value !== 'string') {
    throw new Neo4jError(StatusCode.TypeError, `Expected parameter $${name.name} to have type String but was ${cypherTypeName(value)}`);
  }
  return value.toLowerCase();
}
