// `npm run bench`: cypher-sysdb's parse + check throughput against Neo4j's own language support
// package, measured in one run on one machine (ratios matter; absolute numbers depend on the machine).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corpusText, generatePrivilegeStatements, generateStatements } from '../scripts/corpus.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const out = join(here, 'out');
mkdirSync(out, { recursive: true });

const COUNT = 20_000;
const statements = generateStatements(COUNT);
const corpus = corpusText(statements);
const corpusFile = join(out, 'corpus.cypher');
writeFileSync(corpusFile, corpus);
const megabytes = Buffer.byteLength(corpus) / 1e6;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const time = (fn) => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};

// ---- cold: a fresh process that loads the library and parses the corpus once
const cold = spawnSync(
  process.execPath,
  [
    '--input-type=module',
    '-e',
    `const t0 = performance.now();
     const { parse } = await import(${JSON.stringify(pathToFileURL(join(root, 'dist/lib/index.js')).href)});
     const text = (await import('node:fs')).readFileSync(${JSON.stringify(corpusFile)}, 'utf8');
     const loaded = performance.now();
     const result = parse(text);
     const done = performance.now();
     console.log(JSON.stringify({ sinceStart: done, load: loaded - t0, parse: done - loaded, statements: result.statements.length }));`,
  ],
  { encoding: 'utf8' },
);
const coldResult = JSON.parse(cold.stdout);

// ---- the reference: the lexer alone (grammar/lexer.ts, what `parse` runs on each statement, keywords
// typed), bundled here from its source since the library does not export it; same process, first:
// measured after the parses it ran 4x slower, collecting the garbage they left.
const { build } = await import('esbuild');
const lexerBundle = await build({
  entryPoints: [join(root, 'grammar/lexer.ts')],
  bundle: true,
  format: 'esm',
  write: false,
  logLevel: 'warning',
});
const { lex } = await import(`data:text/javascript;base64,${Buffer.from(lexerBundle.outputFiles[0].contents).toString('base64')}`);
for (let i = 0; i < 3; i++) lex(corpus);
const lexerMs = median([0, 1, 2, 3, 4].map(() => time(() => lex(corpus))));

// ---- warm: same process, after warm-up. `parse` never consults the statement cache (only
// `SystemDatabase.execute` does), so every run parses all 20,000 statements afresh.
const { parse } = await import(pathToFileURL(join(root, 'dist/lib/index.js')).href);
for (let i = 0; i < 3; i++) parse(corpus);
const warmMs = median([0, 1, 2, 3, 4].map(() => time(() => parse(corpus))));

// ---- a role set-up script: GRANT, DENY and REVOKE of privileges, each against the lexer on the same text.
const privilegeCorpus = corpusText(generatePrivilegeStatements(COUNT));
for (let i = 0; i < 3; i++) parse(privilegeCorpus);
const privilegeMs = median([0, 1, 2, 3, 4].map(() => time(() => parse(privilegeCorpus))));
const privilegeLexerMs = median([0, 1, 2, 3, 4].map(() => time(() => lex(privilegeCorpus))));

// ---- the peer: Neo4j's @neo4j-cypher/language-support (ANTLR parser + Neo4j's semantic analysis)
const require = createRequire(import.meta.url);
// The package's exports hide its parser entry point; reach it through its CommonJS main file.
const peerRoot = join(dirname(require.resolve('@neo4j-cypher/language-support')), '../..');
const peerSrc = join(peerRoot, 'dist/esm/project/language-support/src');
const peer = await import(pathToFileURL(join(peerSrc, 'index.js')).href);
const peerService = await import(pathToFileURL(join(peerSrc, 'cypherLanguageService.js')).href);

// Which statements the peer accepts (no syntax errors from its parser).
const accepted = [];
const acceptStart = performance.now();
for (const statement of statements) {
  const result = peerService.createParsingResult(statement, {});
  if (result.statementsParsing.every((s) => s.syntaxErrors.length === 0)) accepted.push(statement);
  if (performance.now() - acceptStart > 30_000) break;
}
const acceptedText = corpusText(accepted);

const bareRuns = [0, 1, 2].map(() => time(() => accepted.forEach((s) => peerService.parse(s))));
const peerBareMs = median(bareRuns);

const LINT_SAMPLE = Math.min(accepted.length, 300);
let linted = 0;
const lintStart = performance.now();
for (const statement of accepted.slice(0, LINT_SAMPLE)) {
  peer.lintCypherQuery(statement, {});
  linted += 1;
  if (performance.now() - lintStart > 15_000) break;
}
const peerLintMs = performance.now() - lintStart;

for (let i = 0; i < 3; i++) parse(acceptedText);
const oursOnAcceptedMs = median([0, 1, 2, 3, 4].map(() => time(() => parse(acceptedText))));

// ---- the CLI, end to end, start-up included
const cliRuns = [0, 1, 2].map(() =>
  time(() => spawnSync(process.execPath, [join(root, 'bin/sysdb.js'), 'lint', corpusFile], { encoding: 'utf8' })),
);
const cliMs = median(cliRuns);

const perSecond = (n, ms) => (n / ms) * 1000;
const results = {
  corpus: { statements: COUNT, megabytes: Number(megabytes.toFixed(2)), acceptedByPeer: accepted.length },
  ours: {
    warmStatementsPerSecond: Math.round(perSecond(COUNT, warmMs)),
    warmMegabytesPerSecond: Number((megabytes / (warmMs / 1000)).toFixed(2)),
    lexerAloneStatementsPerSecond: Math.round(perSecond(COUNT, lexerMs)),
    coldMs: {
      processStartToDone: Math.round(coldResult.sinceStart),
      moduleLoad: Math.round(coldResult.load),
      firstParse: Math.round(coldResult.parse),
    },
    coldStatementsPerSecond: Math.round(perSecond(COUNT, coldResult.parse + coldResult.load)),
    onPeerAcceptedStatementsPerSecond: Math.round(perSecond(accepted.length, oursOnAcceptedMs)),
    privilegesWarmStatementsPerSecond: Math.round(perSecond(COUNT, privilegeMs)),
  },
  peer: {
    lintStatementsPerSecond: Number(perSecond(linted, peerLintMs).toFixed(1)),
    lintSample: linted,
    bareParseStatementsPerSecond: Math.round(perSecond(accepted.length, peerBareMs)),
  },
  cli: { lintCorpusWallMs: Math.round(cliMs) },
};
results.ratios = {
  parseVsLexerAlone: Number((warmMs / lexerMs).toFixed(2)),
  privilegesParseVsLexerAlone: Number((privilegeMs / privilegeLexerMs).toFixed(2)),
  oursVsPeerLint: Math.round(results.ours.onPeerAcceptedStatementsPerSecond / results.peer.lintStatementsPerSecond),
  oursVsPeerBareParse: Number((results.ours.onPeerAcceptedStatementsPerSecond / results.peer.bareParseStatementsPerSecond).toFixed(2)),
};
writeFileSync(join(out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

const rows = [
  ['corpus', `${COUNT} statements, ${megabytes.toFixed(2)} MB; the peer accepts ${accepted.length}`],
  [
    'ours, warm (parse + checks)',
    `${results.ours.warmStatementsPerSecond} statements/s, ${results.ours.warmMegabytesPerSecond} MB/s (target >= 100000 statements/s)`,
  ],
  ['the lexer alone, same corpus', `${results.ours.lexerAloneStatementsPerSecond} statements/s`],
  ['parse + checks / lexer alone', `${results.ratios.parseVsLexerAlone}x the lexer's time (target <= 4x)`],
  [
    'ours, warm, privilege commands',
    `${results.ours.privilegesWarmStatementsPerSecond} statements/s, ${results.ratios.privilegesParseVsLexerAlone}x the lexer's time on them`,
  ],
  [
    'ours, cold (load + first parse)',
    `${results.ours.coldMs.moduleLoad} ms load + ${results.ours.coldMs.firstParse} ms parse (${results.ours.coldStatementsPerSecond} statements/s)`,
  ],
  ['ours, on peer-accepted statements', `${results.ours.onPeerAcceptedStatementsPerSecond} statements/s`],
  ['peer lintCypherQuery', `${results.peer.lintStatementsPerSecond} statements/s (sample of ${linted})`],
  ['peer bare ANTLR parse', `${results.peer.bareParseStatementsPerSecond} statements/s`],
  ['ratio ours / peer lint', `${results.ratios.oursVsPeerLint}x (target >= 500x)`],
  ['ratio ours / peer bare parse', `${results.ratios.oursVsPeerBareParse}x (target > 1x)`],
  ['sysdb lint of the corpus (wall)', `${results.cli.lintCorpusWallMs} ms (target < 500 ms)`],
];
const width = Math.max(...rows.map(([k]) => k.length));
console.log(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n'));
