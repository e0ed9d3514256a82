/** The playground: edit a script, see Neo4j's diagnostics as you type, run it against an in-browser system database. */
import './style.css';
import { EditorSelection } from '@codemirror/state';
import { maskPasswords, SystemDatabase, type StatementRun } from '../../src/index.js';
import { createEditor } from './editor.js';
import { problems, statementResult, table } from './render.js';

const fixtures = import.meta.glob('../../fixtures/*.cypher', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const fixtureParams = import.meta.glob('../../fixtures/*.params.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const examples = Object.fromEntries(Object.entries(fixtures).map(([path, text]) => [path.split('/').pop()!.replace(/\.cypher$/, ''), text]));

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const DEFAULT_SCRIPT = `// A fresh DBMS: user neo4j (roles admin, PUBLIC) and the built-in roles.
CREATE USER jake SET PASSWORD 'abcd1234' CHANGE NOT REQUIRED SET TAGS 'finance', 'auditor';
GRANT ROLE reader TO jake;
SHOW USERS YIELD user, roles, suspended, tags;
`;

/** The database after each run; Undo pops it. */
let databases: SystemDatabase[] = [SystemDatabase.create()];
const current = () => databases[databases.length - 1]!;

const editor = createEditor({
  parent: $('editor'),
  text: scriptFromHash() ?? DEFAULT_SCRIPT,
  onRun: run,
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
    const parsed: unknown = JSON.parse(($('params') as HTMLTextAreaElement).value || '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('parameters must be a JSON object');
    error.textContent = '';
    return parsed as Record<string, unknown>;
  } catch (caught) {
    error.textContent = `Parameters: ${(caught as Error).message}`;
    return null;
  }
}

function run(): void {
  const params = readParams();
  if (params === null) return;
  const outcome = current().runScript(editor.state.doc.toString(), { params, onError: 'continue' });
  databases.push(outcome.db);
  showResults(outcome.statements);
  showState();
}

function showResults(statements: readonly StatementRun[]): void {
  const results = $('results');
  if (statements.length === 0) results.replaceChildren('No statements to run.');
  else results.replaceChildren(...statements.map(statementResult));
}

/** Users and roles as SHOW reports them: no password ever appears there. */
function showState(): void {
  const db = current();
  const users = db.execute('SHOW USERS WITH AUTH YIELD user, roles, suspended, home, tags, provider RETURN user, roles, suspended, home, tags, collect(provider) AS auth').result;
  const roles = db.execute('SHOW ROLES WITH USERS YIELD role, member RETURN role, collect(member) AS members').result;
  $('users').replaceChildren(table(users.columns, users.rows));
  $('roles').replaceChildren(table(roles.columns, roles.rows));
  ($('undo') as HTMLButtonElement).disabled = databases.length < 2;
}

function toast(message: string): void {
  const node = $('toast');
  node.textContent = message;
  node.classList.add('shown');
  setTimeout(() => node.classList.remove('shown'), 3000);
}

function setScript(text: string): void {
  editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });
}

function scriptFromHash(): string | null {
  const match = /^#script=([A-Za-z0-9_-]*)$/.exec(location.hash);
  if (!match) return null;
  try {
    const binary = atob(match[1]!.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** The link carries the script with password literals masked: URLs end up in histories and logs. */
function share(): void {
  const bytes = new TextEncoder().encode(maskPasswords(editor.state.doc.toString()).text);
  const encoded = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  window.history.replaceState(null, '', `#script=${encoded}`);
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
$('run').addEventListener('click', run);
$('undo').addEventListener('click', () => {
  if (databases.length > 1) databases.pop();
  showState();
  toast('The last run was undone.');
});
$('reset').addEventListener('click', () => {
  databases = [SystemDatabase.create()];
  $('results').replaceChildren();
  showState();
  toast('A fresh DBMS.');
});
$('share').addEventListener('click', share);
showState();

/** For automation and the console: the editor view and the current database. */
Object.assign(window, { sysdbPlayground: { editor, database: current } });
