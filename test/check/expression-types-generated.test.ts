/**
 * Generated expressions over the SHOW columns, literals, parameters and most operators and functions,
 * each typed by us and by Neo4j's front end (@neo4j-cypher/language-support's analyzeQuery, Cypher 25):
 * every error must agree, message and offset, on every statement without a syntax error. A
 * disagreement may only be a known bug, explained by a rule in KNOWN (none today); a rule that explains
 * nothing fails, so it goes when its bug is fixed. The sample is fixed (a seed), so a run is repeatable.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { FrontEnd } from '../support/neo4j-front-end.js';

const LEAVES = ['user', 'roles', 'suspended', 'home', '1', '1.5', "'a'", 'true', 'null', '$p', '[1]', "['a']", '{a: 1}', '[]'];
const INFIX = ['+', '-', '*', '/', '%', '^', '||', 'AND', 'OR', 'XOR', '=', '<', '<>', 'IN', 'STARTS WITH', 'CONTAINS', '=~'];
/** Functions and how many arguments each is given. */
const FUNCTIONS: readonly (readonly [string, number])[] = [
  ['size', 1],
  ['toLower', 1],
  ['head', 1],
  ['tail', 1],
  ['abs', 1],
  ['toString', 1],
  ['coalesce', 2],
  ['keys', 1],
  ['toFloat', 1],
  ['sqrt', 1],
  ['left', 2],
  ['split', 2],
  ['reverse', 1],
  ['isEmpty', 1],
  ['last', 1],
  ['range', 2],
  ['round', 1],
  ['sign', 1],
  ['trim', 1],
  ['replace', 3],
  ['substring', 2],
  ['length', 1],
];

const expression: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => {
  const e = tie('e');
  return {
    e: fc.oneof(
      { depthSize: 'small', maxDepth: 3 },
      fc.constantFrom(...LEAVES),
      fc.tuple(e, fc.constantFrom(...INFIX), e).map(([a, op, b]) => `${a} ${op} ${b}`),
      e.map((a) => `NOT ${a}`),
      e.map((a) => `-${a}`),
      fc
        .constantFrom(...FUNCTIONS)
        .chain(([name, count]) => fc.array(e, { minLength: count, maxLength: count }).map((args) => `${name}(${args.join(', ')})`)),
      fc.tuple(e, e).map(([a, i]) => `${a}[${i}]`),
      fc.tuple(e, e).map(([a, to]) => `${a}[0..${to}]`),
      e.map((a) => `${a} IS NULL`),
      fc.tuple(e, e, e).map(([c, t, f]) => `CASE WHEN ${c} THEN ${t} ELSE ${f} END`),
      fc.tuple(e, e, e).map(([list, where, project]) => `[x IN ${list} WHERE ${where} | ${project}]`),
      fc.tuple(e, e).map(([list, where]) => `any(x IN ${list} WHERE ${where})`),
      fc.tuple(e, e, e).map(([init, list, step]) => `reduce(s = ${init}, x IN ${list} | ${step})`),
      fc.tuple(e, e).map(([characters, source]) => `trim(LEADING ${characters} FROM ${source})`),
      e.map((value) => `user {.a, b: ${value}}`),
    ),
  };
}).e;

// Parenthesized expressions are left out: after YIELD, a variable in parentheses makes Neo4j's front end report
// no semantic error at all, which we do not follow (a known bug of test/syntax/front-end-agreement.test.ts).
const STATEMENTS = fc
  .sample(
    fc.tuple(fc.boolean(), expression).map(([where, e]) => (where ? `SHOW USERS WHERE ${e}` : `SHOW USERS YIELD * RETURN ${e} AS x`)),
    { seed: 29, numRuns: 300 },
  )
  .filter((statement, i, all) => all.indexOf(statement) === i);

interface Disagreement {
  readonly statement: string;
  readonly ours: readonly string[];
  readonly neo4j: readonly string[];
}

const COERCION = 'Coercion of list to boolean is not allowed. Please use `NOT isEmpty(...)` instead.';

/** Each needs a reason and a predicate (the last two before reduce, a signed number's steps and the list types of `+`, were fixed). */
const KNOWN: readonly { readonly reason: string; readonly explains: (d: Disagreement) => boolean }[] = [
  {
    // `WHERE reduce(s = <no type>, x IN l | [x IN roles | user])`: joined with T, the result is Any or lists, which Neo4j
    // refuses as a Boolean here and takes for one elsewhere (`| [1][0..<no type>]`); we take it for one.
    reason: 'a reduce over T where a Boolean must be: Neo4j sometimes refuses its lists, which we take',
    explains: (d) =>
      /^SHOW USERS WHERE reduce\(/.test(d.statement) &&
      d.ours.every((e) => d.neo4j.includes(e)) &&
      d.neo4j.filter((e) => !d.ours.includes(e)).every((e) => /^@17 Type mismatch: expected Boolean but was Any, List</.test(e)),
  },
  {
    // `reduce(s = [], x IN true | 1[0..'a'])`: Neo4j's accumulator check names no type there, and its later pass takes
    // the step for a list coerced to a Boolean, which no rule of ours explains.
    reason: 'a reduce step without a type: Neo4j also reports a list taken for a Boolean at the step, which we do not',
    explains: (d) => {
      const missing = d.neo4j.filter((e) => !d.ours.includes(e));
      return (
        /\breduce\(/.test(d.statement) &&
        d.ours.every((e) => d.neo4j.includes(e)) &&
        missing.length === 1 &&
        (missing[0]?.endsWith(COERCION) ?? false)
      );
    },
  },
];

const shown = (message: string, offset: number) => `@${offset} ${message.replace(/ \(line \d+, column \d+ \(offset: \d+\)\)$/, '')}`;

describe("generated expressions are typed as Neo4j's front end types them", () => {
  let frontEnd: FrontEnd;
  let disagreements: Disagreement[] = [];
  beforeAll(async () => {
    frontEnd = await FrontEnd.start();
    const results = await frontEnd.analyze(STATEMENTS, 'CYPHER 25');
    disagreements = STATEMENTS.flatMap((statement, i) => {
      const ours = parse(statement)
        .diagnostics.map((d) => shown(d.message, d.span.start.offset))
        .sort();
      const neo4j = (results[i]?.errors ?? []).map((e) => `@${e.offset} ${e.message}`).sort();
      // With a syntax error, the front end also reports its semantic analysis of what it recovered.
      if ([...ours, ...neo4j].some((m) => m.includes('Invalid input'))) return [];
      return ours.join('\n') === neo4j.join('\n') ? [] : [{ statement, ours, neo4j }];
    });
  }, 120_000);
  afterAll(() => frontEnd.close());

  it('has enough statements without syntax errors to mean something', () => {
    expect(STATEMENTS.length).toBeGreaterThan(250);
  });

  it('agrees on every error of every statement, but for the known bugs', () => {
    const unexplained = disagreements.filter((d) => !KNOWN.some((known) => known.explains(d)));
    expect(unexplained).toEqual([]);
  });

  it.each(KNOWN.map((known) => [known.reason, known] as const))('still disagrees where %s', (_, known) => {
    expect(disagreements.some((d) => known.explains(d))).toBe(true);
  });
});
