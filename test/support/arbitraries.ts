import {
  DATABASE_ACTIONS,
  DBMS_ACTIONS,
  GRAPH_ACTIONS,
  isTransactionAction,
  WHOLE_GRAPH_ACTIONS,
} from '../../src/catalog/dbms-privileges.js';
/**
 * Random ASTs of every statement kind, shaped as the parser produces them (spans are a dummy: compare
 * with `withoutSpans`). Used by the round-trip property: parse(format(ast)) gives back ast.
 */
import fc from 'fast-check';
import type { Statement } from '../../src/ast/index.js';
import type { Expression } from '../../src/ast/expressions.js';
import { formatExpression } from '../../src/render/printer.js';

const span = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };
const spanned = <T extends object>(value: T) => ({ ...value, span });

const plainName = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,8}$/);
const keywordName = fc.constantFrom('user', 'USER', 'role', 'set', 'password', 'tags', 'all', 'if', 'privileges', 'with');
const oddName = fc.constantFrom('jake smith', 'ja`ke', 'Ünïcødé', 'a-b', '1st', 'x.y');
const nameText = fc.oneof({ weight: 4, arbitrary: plainName }, { weight: 1, arbitrary: keywordName }, { weight: 1, arbitrary: oddName });
const stringValue = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("it's", 'a\\b', 'line\nbreak', '"q"', 'été', 'tab\t'));
const nonEmptyString = stringValue.filter((s) => s.length > 0);

const str = stringValue.map((value) => spanned({ kind: 'string' as const, value }));
const param = plainName.map((name) => spanned({ kind: 'parameter' as const, name }));
const symbolicName = nameText.map((value) => spanned({ kind: 'name' as const, value }));
const nameOrParam = fc.oneof({ weight: 4, arbitrary: symbolicName }, { weight: 1, arbitrary: param });
const names = fc.array(nameOrParam, { minLength: 1, maxLength: 3 });
const password = fc.oneof(str, param);
const stringList = fc.oneof(
  param,
  fc
    .array(
      nonEmptyString.map((value) => spanned({ kind: 'string' as const, value })),
      { minLength: 0, maxLength: 3 },
    )
    .map((items) => spanned({ kind: 'string-list' as const, items })),
);
const format = fc.constantFrom('default' as const, 'plaintext' as const, 'encrypted' as const);
const databaseNameArbitrary = fc
  .array(nameText, { minLength: 1, maxLength: 2 })
  .map((parts) => spanned({ kind: 'database-name' as const, parts }));
const database = fc.oneof(databaseNameArbitrary, param);

const setClause = fc.oneof(
  fc
    .record({ format, password, changeRequired: fc.option(fc.boolean().map((required) => spanned({ required }))) })
    .map((c) => spanned({ kind: 'set-password' as const, ...c })),
  fc.boolean().map((required) => spanned({ kind: 'set-password-change' as const, changeRequired: spanned({ required }) })),
  fc.constantFrom('ACTIVE' as const, 'SUSPENDED' as const).map((status) => spanned({ kind: 'set-status' as const, status })),
  database.map((d) => spanned({ kind: 'set-home-database' as const, database: d })),
  fc
    .record({
      provider: str,
      attributes: fc.array(
        fc.oneof(
          fc.oneof(str, param).map((id) => spanned({ kind: 'auth-id' as const, id })),
          fc.record({ format, password }).map((a) => spanned({ kind: 'auth-password' as const, ...a })),
          fc.boolean().map((required) => spanned({ kind: 'auth-password-change' as const, changeRequired: spanned({ required }) })),
        ),
        { minLength: 1, maxLength: 3 },
      ),
    })
    .map((c) => spanned({ kind: 'set-auth' as const, ...c })),
  stringList.map((tags) => spanned({ kind: 'set-tags' as const, tags })),
);
const removeClause = fc.oneof(
  fc.constant(spanned({ kind: 'remove-home-database' as const })),
  fc.constant(spanned({ kind: 'remove-all-auth' as const })),
  fc.constant(spanned({ kind: 'remove-all-tags' as const })),
  stringList.map((providers) => spanned({ kind: 'remove-auth' as const, providers })),
  stringList.map((tags) => spanned({ kind: 'remove-tags' as const, tags })),
);
const addClause = stringList.map((tags) => spanned({ kind: 'add-tags' as const, tags }));
const tagRemove = fc.oneof(
  fc.constant(spanned({ kind: 'remove-all-tags' as const })),
  stringList.map((tags) => spanned({ kind: 'remove-tags' as const, tags })),
);
const tagSet = stringList.map((tags) => spanned({ kind: 'set-tags' as const, tags }));

// ---------------------------------------------------------------- expressions

const leaf: fc.Arbitrary<Expression> = fc.oneof(
  str,
  param,
  fc.bigInt({ min: 0n, max: 10n ** 20n }).map((n) => spanned({ kind: 'integer' as const, value: n.toString() })),
  fc.double({ min: 0, max: 1e6, noNaN: true }).map((value) => spanned({ kind: 'float' as const, value })),
  fc
    .constantFrom('INF' as const, 'INFINITY' as const, 'NAN' as const)
    .map((keyword) => spanned({ kind: 'float' as const, value: keyword === 'NAN' ? NaN : Infinity, keyword })),
  fc.boolean().map((value) => spanned({ kind: 'boolean' as const, value })),
  fc.constant(spanned({ kind: 'null' as const })),
  nameText.map((name) => spanned({ kind: 'variable' as const, name })),
  fc.constant(spanned({ kind: 'count-star' as const })),
);

const binaryOperators = [
  'OR',
  'XOR',
  'AND',
  '+',
  '||',
  '-',
  '*',
  '/',
  '%',
  '^',
  'IN',
  'STARTS WITH',
  'ENDS WITH',
  'CONTAINS',
  '=~',
] as const;
const comparisonOperators = ['=', '<>', '<', '>', '<=', '>='] as const;

export const arbitraryExpression: fc.Arbitrary<Expression> = fc.letrec<{ e: Expression }>((tie) => {
  const e = tie('e');
  return {
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(e, { maxLength: 3 }).map((items) => spanned({ kind: 'list' as const, items })),
      fc
        .array(fc.record({ key: nameText, value: e }).map(spanned), { maxLength: 2 })
        .map((entries) => spanned({ kind: 'map' as const, entries })),
      fc.record({ object: e, property: nameText }).map((p) => spanned({ kind: 'property' as const, ...p })),
      fc.record({ object: e, index: e }).map((p) => spanned({ kind: 'index' as const, ...p, bracketSpan: span })),
      // `[..]` has neither bound, which Neo4j refuses.
      fc
        .record({ object: e, from: fc.option(e), to: fc.option(e) })
        .filter((p) => p.from !== null || p.to !== null)
        .map((p) => spanned({ kind: 'slice' as const, ...p, bracketSpan: span })),
      fc
        .record({ operator: fc.constantFrom('NOT' as const, '-' as const, '+' as const), operand: e })
        .map((u) => spanned({ kind: 'unary' as const, ...u })),
      fc
        .record({ operator: fc.constantFrom(...binaryOperators), left: e, right: e })
        .map((b) => spanned({ kind: 'binary' as const, ...b, operatorSpan: span })),
      fc
        .record({
          first: e,
          rest: fc.array(fc.record({ operator: fc.constantFrom(...comparisonOperators), operand: e }), { minLength: 1, maxLength: 2 }),
        })
        .map((c) => spanned({ kind: 'comparison' as const, ...c, operatorSpan: span })),
      fc.record({ operand: e, negated: fc.boolean() }).map((n) => spanned({ kind: 'is-null' as const, ...n, operatorSpan: span })),
      fc
        .record({
          subject: fc.option(e),
          alternatives: fc.array(fc.record({ when: e, then: e }).map(spanned), { minLength: 1, maxLength: 2 }),
          otherwise: fc.option(e),
        })
        .map((c) => spanned({ kind: 'case' as const, ...c })),
      fc
        .record({
          predicate: fc.constantFrom('any' as const, 'all' as const, 'none' as const, 'single' as const),
          variable: nameText,
          list: e,
          where: e,
        })
        .map((p) => spanned({ kind: 'list-predicate' as const, ...p })),
      fc
        .record({ variable: nameText, list: e, where: fc.option(e), projection: fc.option(e) })
        .map((c) => spanned({ kind: 'list-comprehension' as const, ...c })),
      fc
        .record({
          base: nameText.map((name) => spanned({ kind: 'variable' as const, name })),
          items: fc.array(
            fc.oneof(
              nameText.map((key) => spanned({ kind: 'property' as const, key })),
              fc.record({ key: nameText, value: e }).map((entry) => spanned({ kind: 'entry' as const, ...entry })),
              nameText.map((name) => spanned({ kind: 'variable' as const, variable: spanned({ kind: 'variable' as const, name }) })),
              fc.constant(spanned({ kind: 'all-properties' as const })),
            ),
            { maxLength: 3 },
          ),
        })
        .map((p) => spanned({ kind: 'map-projection' as const, ...p, braceSpan: span })),
      fc
        .record({
          specification: fc.constantFrom(null, 'BOTH' as const, 'LEADING' as const, 'TRAILING' as const),
          characters: fc.option(e),
          source: e,
        })
        .map((t) => spanned({ kind: 'trim' as const, ...t })),
      fc
        .record({ accumulator: nameText, init: e, variable: nameText, list: e, step: e })
        .map((r) => spanned({ kind: 'reduce' as const, ...r })),
      fc
        .record({ name: fc.oneof(plainName, fc.constant('apoc.text.join')), distinct: fc.boolean(), args: fc.array(e, { maxLength: 2 }) })
        .filter((f) => f.name.toLowerCase() !== 'count' || f.args.length > 0 || f.distinct)
        .map((f) => spanned({ kind: 'function-call' as const, ...f })),
    ),
  };
}).e;

// ---------------------------------------------------------------- SHOW pipeline

const sortItems = fc.array(fc.record({ expression: arbitraryExpression, descending: fc.boolean() }).map(spanned), { maxLength: 2 });
const integerArgument = fc.bigInt({ min: -5n, max: 1000n }).map((n) => spanned({ value: n.toString() }));
const yieldItems = fc.oneof(
  fc.constant('*' as const),
  fc
    .array(fc.record({ column: nameText, alias: fc.option(nameText) }), { minLength: 1, maxLength: 3 })
    .map((items) => items.map(({ column, alias }) => spanned({ column, alias: alias ?? column, aliased: alias !== null }))),
);
/** `*`, `*, items` or items: never nothing. */
const returnItems = fc
  .record({
    star: fc.boolean(),
    items: fc.array(fc.record({ expression: arbitraryExpression, alias: fc.option(nameText) }), { maxLength: 3 }),
  })
  .filter(({ star, items }) => star || items.length > 0)
  .map(({ star, items }) => ({
    star,
    items: items.map(({ expression, alias }) =>
      spanned({ expression, name: alias ?? formatExpression(expression), aliased: alias !== null }),
    ),
  }));
const pipeline = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  arbitraryExpression.map((where) => spanned({ kind: 'where' as const, where })),
  fc
    .record({
      yield: fc
        .record({
          items: yieldItems,
          orderBy: sortItems,
          skip: fc.option(integerArgument),
          limit: fc.option(integerArgument),
          where: fc.option(arbitraryExpression),
        })
        .map(spanned),
      return: fc.option(
        fc
          .record({
            distinct: fc.boolean(),
            returned: returnItems,
            orderBy: sortItems,
            skip: fc.option(arbitraryExpression),
            limit: fc.option(arbitraryExpression),
          })
          .map(({ returned, ...rest }) => spanned({ ...rest, ...returned })),
      ),
    })
    .map((p) => spanned({ kind: 'yield' as const, ...p })),
);

// ---------------------------------------------------------------- statements

/** USE system, another database (which the check refuses), or a graph function's call. */
const useGraph = fc.oneof(
  { weight: 4, arbitrary: fc.constant(spanned({ kind: 'database-name' as const, parts: ['system'] })) },
  databaseNameArbitrary,
  fc
    .record({ args: fc.array(arbitraryExpression, { maxLength: 2 }), distinct: fc.boolean() })
    .map(({ args, distinct }) => spanned({ kind: 'function-call' as const, name: 'graph.byName', distinct, args })),
);
const use = fc.option(
  useGraph.map((graph) => spanned({ graph, commandSpan: span })),
  { freq: 4 },
);
const withUse = <T extends object>(command: fc.Arbitrary<T>) => fc.tuple(command, use).map(([c, u]) => spanned({ ...c, use: u }));

const userCommands = fc.oneof(
  fc
    .record({
      name: nameOrParam,
      orReplace: fc.boolean(),
      ifNotExists: fc.boolean(),
      clauses: fc.array(setClause, { minLength: 1, maxLength: 4 }),
    })
    .map((c) => ({ kind: 'create-user' as const, ...c })),
  fc
    .record({
      name: nameOrParam,
      ifExists: fc.boolean(),
      removes: fc.array(removeClause, { maxLength: 2 }),
      adds: fc.array(addClause, { maxLength: 2 }),
      sets: fc.array(setClause, { maxLength: 3 }),
    })
    .map(({ removes, adds, sets, ...c }) => ({ kind: 'alter-user' as const, ...c, clauses: [...removes, ...adds, ...sets] })),
  fc
    .record({
      names,
      ifExists: fc.boolean(),
      removes: fc.array(tagRemove, { maxLength: 2 }),
      adds: fc.array(addClause, { maxLength: 2 }),
      sets: fc.array(tagSet, { maxLength: 2 }),
    })
    .map(({ removes, adds, sets, ...c }) => ({ kind: 'alter-users' as const, ...c, clauses: [...removes, ...adds, ...sets] })),
  fc.record({ oldPassword: password, newPassword: password }).map((c) => ({ kind: 'alter-current-user-password' as const, ...c })),
  fc.record({ from: nameOrParam, to: nameOrParam, ifExists: fc.boolean() }).map((c) => ({ kind: 'rename-user' as const, ...c })),
  fc.record({ name: nameOrParam, ifExists: fc.boolean() }).map((c) => ({ kind: 'drop-user' as const, ...c })),
  pipeline.map((p) => ({ kind: 'show-current-user' as const, pipeline: p })),
  fc.record({ withAuth: fc.boolean(), pipeline }).map((c) => ({ kind: 'show-users' as const, ...c })),
  fc
    .record({
      users: fc.array(nameOrParam, { maxLength: 2 }),
      output: fc.constantFrom('table' as const, 'commands' as const, 'revoke-commands' as const),
      pipeline,
    })
    .map((c) => ({ kind: 'show-user-privileges' as const, ...c })),
);

const roleCommands = fc.oneof(
  fc
    .record({
      name: nameOrParam,
      orReplace: fc.boolean(),
      immutable: fc.boolean(),
      ifNotExists: fc.boolean(),
      copyOf: fc.option(nameOrParam),
    })
    .map((c) => ({ kind: 'create-role' as const, ...c })),
  fc.record({ name: nameOrParam, ifExists: fc.boolean() }).map((c) => ({ kind: 'drop-role' as const, ...c })),
  fc.record({ from: nameOrParam, to: nameOrParam, ifExists: fc.boolean() }).map((c) => ({ kind: 'rename-role' as const, ...c })),
  fc.record({ roles: names, users: names }).map((c) => ({ kind: 'grant-roles' as const, ...c })),
  fc.record({ roles: names, users: names }).map((c) => ({ kind: 'revoke-roles' as const, ...c })),
  fc.record({ populatedOnly: fc.boolean(), withUsers: fc.boolean(), pipeline }).map((c) => ({ kind: 'show-roles' as const, ...c })),
);

const GLOB_ACTIONS = [
  'execute_procedure',
  'execute_boosted_procedure',
  'execute_function',
  'execute_boosted_function',
  'show_setting',
] as const;
const dbmsAction = fc.constantFrom(...DBMS_ACTIONS.filter((a) => a !== 'impersonate' && !(GLOB_ACTIONS as readonly string[]).includes(a)));
const databaseScope = fc.oneof(
  fc.constant({ kind: 'all' as const }),
  fc.constant({ kind: 'home' as const }),
  fc.constant({ kind: 'default' as const }),
  fc.record({ kind: fc.constant('named' as const), names }),
);
/** Labels, relationship types and property names: plain or needing backticks. */
const graphNames = fc.oneof(
  fc.constant('*' as const),
  fc.array(fc.constantFrom('A', 'Person', 'has space', 'name'), { minLength: 1, maxLength: 2 }),
);
const none = { onGraph: false, properties: null, labels: null, segment: null, globs: null, dataSource: null } as const;
const PROPERTY_ACTIONS = ['read', 'match', 'merge', 'set_property'];
/** A graph privilege with the resource and segment its grammar allows. */
const graphPrivilege = fc.constantFrom(...GRAPH_ACTIONS).chain((action) =>
  fc.record({
    action: fc.constant(action),
    databases: databaseScope,
    transactionUsers: fc.constant(null),
    globs: fc.constant(null),
    dataSource: fc.constant(null),
    onGraph: fc.constant(true),
    properties: PROPERTY_ACTIONS.includes(action) ? graphNames : fc.constant(null),
    labels: action === 'set_label' || action === 'remove_label' ? graphNames : fc.constant(null),
    segment: WHOLE_GRAPH_ACTIONS.has(action)
      ? fc.constant(null)
      : fc.option(fc.record({ element: fc.constantFrom('node' as const, 'relationship' as const, 'element' as const), names: graphNames })),
  }),
);
/** A DBMS privilege ON DBMS, a database privilege on databases, or a graph privilege on graphs. */
const privilegeOn = fc.oneof(
  fc.record({ action: dbmsAction, databases: fc.constant(null), transactionUsers: fc.constant(null) }).map((p) => ({ ...p, ...none })),
  fc
    .record({
      action: fc.constant('impersonate' as const),
      databases: fc.constant(null),
      transactionUsers: fc.oneof(fc.constant('*' as const), names),
    })
    .map((p) => ({ ...p, ...none })),
  fc
    .record({
      action: fc.constantFrom(...DATABASE_ACTIONS.filter((a) => !isTransactionAction(a))),
      databases: databaseScope,
      transactionUsers: fc.constant(null),
    })
    .map((p) => ({ ...p, ...none })),
  fc
    .record({
      action: fc.constantFrom(...DATABASE_ACTIONS.filter(isTransactionAction)),
      databases: databaseScope,
      transactionUsers: fc.oneof(fc.constant('*' as const), names),
    })
    .map((p) => ({ ...p, ...none })),
  graphPrivilege,
  fc
    .record({
      action: fc.constantFrom(...GLOB_ACTIONS),
      globs: fc.array(fc.constantFrom('*', 'db.*', 'apoc.*.create', 'dbms.security.auth_enabled'), { minLength: 1, maxLength: 2 }),
    })
    .map((p) => ({
      ...p,
      databases: null,
      transactionUsers: null,
      onGraph: false,
      properties: null,
      labels: null,
      segment: null,
      dataSource: null,
    })),
  fc
    .oneof(
      fc.constant({ kind: 'all' as const }),
      fc.constantFrom('https://example.com/a.csv', "it's", '10.0.0.0/8').map((value) => ({
        kind: 'cidr' as const,
        range: { kind: 'string' as const, value, span },
      })),
      fc.constantFrom('range', 'r2').map((name) => ({ kind: 'cidr' as const, range: { kind: 'parameter' as const, name, span } })),
    )
    .map((dataSource) => ({
      ...none,
      action: 'load' as const,
      databases: null,
      transactionUsers: null,
      dataSource,
    })),
);
const privilegeOutput = fc.constantFrom('table' as const, 'commands' as const, 'revoke-commands' as const);
const privilegeCommands = fc.oneof(
  privilegeOn.chain((on) =>
    fc.record({ immutable: fc.boolean(), roles: names }).map((c) => ({ kind: 'grant-privilege' as const, ...on, ...c })),
  ),
  privilegeOn.chain((on) =>
    fc.record({ immutable: fc.boolean(), roles: names }).map((c) => ({ kind: 'deny-privilege' as const, ...on, ...c })),
  ),
  fc
    .record({
      revokes: fc.constantFrom('grant' as const, 'deny' as const, 'both' as const),
      immutable: fc.boolean(),
      on: privilegeOn,
      roles: names,
    })
    .map(({ on, ...c }) => ({ kind: 'revoke-privilege' as const, ...on, ...c })),
  fc.record({ output: privilegeOutput, pipeline }).map((c) => ({ kind: 'show-privileges' as const, ...c })),
  fc.record({ roles: names, output: privilegeOutput, pipeline }).map((c) => ({ kind: 'show-role-privileges' as const, ...c })),
);

const clientCommands = fc.oneof(
  plainName.map((database) => spanned({ kind: 'client-use' as const, database })),
  fc.record({ name: plainName, value: arbitraryExpression }).map((c) => spanned({ kind: 'client-param' as const, ...c })),
  fc.constant(spanned({ kind: 'client-params-list' as const })),
  fc.constant(spanned({ kind: 'client-params-clear' as const })),
);

export const arbitraryStatement: fc.Arbitrary<Statement> = fc.oneof(
  { weight: 5, arbitrary: withUse(userCommands) },
  { weight: 2, arbitrary: withUse(roleCommands) },
  { weight: 2, arbitrary: withUse(privilegeCommands) },
  { weight: 1, arbitrary: clientCommands },
) as fc.Arbitrary<Statement>;
