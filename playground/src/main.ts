/**
 * The playground: edit a script, see Neo4j's diagnostics as you type, run it against an in-browser
 * system database. Linting and runs happen in workers, so the editor never waits for either.
 */
import './style.css';
import { EditorSelection } from '@codemirror/state';
import { MAX_NESTING, readJson, SystemDatabase, type Snapshot, type StatementRun } from '../../src/index.js';
import { createEditor } from './editor.js';
import { element, planView, problems, statementResult, table } from './render.js';
import { Runner, type RunOutcome } from './runner.js';
import { scriptFromHash, shareLink } from './share.js';
import { stateTables, type StateTables } from './state-view.js';

const fixtures = import.meta.glob('../../fixtures/*.cypher', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const fixtureParams = import.meta.glob('../../fixtures/*.params.json', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;
const examples = Object.fromEntries(
  Object.entries(fixtures).map(([path, text]) => [
    path
      .split('/')
      .pop()!
      .replace(/\.cypher$/, ''),
    text,
  ]),
);

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const DEFAULT_SCRIPT = `// A fresh DBMS: user neo4j (roles admin, PUBLIC) and the built-in roles.
CREATE USER jake SET PASSWORD 'abcd1234' CHANGE NOT REQUIRED SET TAGS ['finance', 'auditor'];
GRANT ROLE reader TO jake;
SHOW USERS YIELD user, roles, suspended, tags;
`;

/** A run's results beyond this many statements are counted, not drawn: drawing 50,000 would freeze the page. */
const MAX_SHOWN_RESULTS = 1000;

interface Saved {
  readonly snapshot: Snapshot;
  readonly tables: StateTables;
}

function fresh(): Saved {
  const db = SystemDatabase.create();
  return { snapshot: db.toJSON(), tables: stateTables(db) };
}

/** The database after each run, as a snapshot (what the run worker takes); Undo pops it. */
let databases: Saved[] = [fresh()];
const current = () => databases[databases.length - 1]!;
/** Runs longer than this are stopped; `sysdbPlayground.settings` can change it. */
const settings = { timeoutMs: 60_000 };
const runner = new Runner(settings);

const linked = await scriptFromHash(location.hash);
const editor = createEditor({
  parent: $('editor'),
  text: typeof linked === 'string' ? linked : DEFAULT_SCRIPT,
  onRun: () => void run(),
  onDiagnostics: (diagnostics) => {
    $('problem-count').textContent = String(diagnostics.length);
    problems($('problems'), diagnostics, (offset) => {
      editor.dispatch({ selection: EditorSelection.cursor(offset), scrollIntoView: true });
      editor.focus();
    });
  },
});

function readParams(): Record<string, unknown> | null {
  const error = $('params-error');
  try {
    // Not JSON.parse: its messages quote the text around the mistake, and parameters hold passwords.
    const parsed: unknown = readJson(($('params') as HTMLTextAreaElement).value || '{}', MAX_NESTING + 1);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('parameters must be a JSON object');
    error.textContent = '';
    return parsed as Record<string, unknown>;
  } catch (caught) {
    error.textContent = `Parameters: ${(caught as Error).message}`;
    return null;
  }
}

async function run(): Promise<void> {
  if (runner.running) return;
  const params = readParams();
  if (params === null) return;
  setRunning(true);
  $('plan').replaceChildren();
  $('results').replaceChildren(element('p', { class: 'running' }, 'Running…'));
  const outcome = await runner.run({ script: editor.state.doc.toString(), params, snapshot: current().snapshot }, (statements) => {
    $('results').replaceChildren(element('p', { class: 'running' }, `Running… ${statements.toLocaleString('en')} statements done.`));
  });
  setRunning(false);
  showOutcome(outcome);
}

/** While a script runs, only Stop acts on the database: Undo and Reset wait for it. */
function setRunning(running: boolean): void {
  ($('run') as HTMLButtonElement).disabled = running;
  ($('stop') as HTMLButtonElement).disabled = !running;
  ($('reset') as HTMLButtonElement).disabled = running;
  ($('undo') as HTMLButtonElement).disabled = running || databases.length < 2;
}

function showOutcome(outcome: RunOutcome): void {
  const results = $('results');
  switch (outcome.kind) {
    case 'stopped': {
      const why = outcome.reason === 'timeout' ? `the script ran for more than ${outcome.limitMs / 1000} s` : 'Stop was pressed';
      results.replaceChildren(element('p', { class: 'error stopped' }, `Stopped: ${why}. The database is as it was before this run.`));
      return;
    }
    case 'failed':
      results.replaceChildren(
        element('p', { class: 'error' }, `The run failed inside cypher-sysdb (please report it): ${outcome.message}`),
      );
      return;
    case 'done':
      databases.push({ snapshot: outcome.snapshot, tables: outcome.tables });
      $('plan').replaceChildren(...planView(outcome.plan));
      showResults(outcome.statements);
      showState();
  }
}

function showResults(statements: readonly StatementRun[]): void {
  const results = $('results');
  if (statements.length === 0) {
    results.replaceChildren('No statements to run.');
    return;
  }
  const shown = statements.slice(0, MAX_SHOWN_RESULTS).map(statementResult);
  const rest = statements.slice(MAX_SHOWN_RESULTS);
  if (rest.length > 0) {
    const failed = rest.filter((s) => s.error !== null).length;
    shown.push(
      element(
        'p',
        { class: 'more' },
        `${rest.length.toLocaleString('en')} more statements not shown (${failed.toLocaleString('en')} of them failed).`,
      ),
    );
  }
  results.replaceChildren(...shown);
}

/** Users and roles as SHOW reports them: no password ever appears there. */
function showState(): void {
  const { users, roles } = current().tables;
  $('users').replaceChildren(table(users.columns, users.rows));
  $('roles').replaceChildren(table(roles.columns, roles.rows));
  setRunning(runner.running);
}

let toastTimer: ReturnType<typeof setTimeout> | undefined;
function toast(message: string): void {
  const node = $('toast');
  node.textContent = message;
  node.classList.add('shown');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => node.classList.remove('shown'), 3000 + message.length * 30);
}

function setScript(text: string): void {
  editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });
}

/** The link carries the script with password literals masked (shareLink masks them): URLs end up in histories and logs. */
async function share(): Promise<void> {
  const link = await shareLink(location.href.split('#')[0]!, editor.state.doc.toString());
  if ('refused' in link) {
    toast(link.refused);
    return;
  }
  window.history.replaceState(null, '', link.url);
  void navigator.clipboard?.writeText(location.href).catch(() => undefined);
  toast('Link copied (password literals are masked as ******).');
}

const select = $('examples') as HTMLSelectElement;
for (const name of Object.keys(examples).sort()) select.append(new Option(name, name));
select.addEventListener('change', () => {
  const name = select.value;
  if (!name) return;
  setScript(examples[name]!);
  const params = fixtureParams[`../../fixtures/${name}.params.json`];
  ($('params') as HTMLTextAreaElement).value = params ? params.trim() : '{}';
  select.value = '';
});
$('run').addEventListener('click', () => void run());
$('stop').addEventListener('click', () => runner.stop());
$('undo').addEventListener('click', () => {
  if (databases.length > 1) databases.pop();
  $('plan').replaceChildren();
  showState();
  toast('The last run was undone.');
});
$('reset').addEventListener('click', () => {
  databases = [fresh()];
  $('plan').replaceChildren();
  $('results').replaceChildren();
  showState();
  toast('A fresh DBMS.');
});
$('share').addEventListener('click', () => void share());
showState();
if (linked !== null && typeof linked !== 'string') toast(linked.refused);

/** For automation and the console: the editor view, the current database and the run settings. */
Object.assign(window, { sysdbPlayground: { editor, database: () => SystemDatabase.fromJSON(current().snapshot), settings } });
