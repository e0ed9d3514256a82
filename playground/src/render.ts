/** DOM for result tables, per-statement outcomes, the users/roles panel and the problems list. */
import { formatValue, type ResultValue, type StatementRun } from '../../src/index.js';
import type { LintDiagnostic } from './lint-worker.js';
import type { PlanView } from './run-worker.js';

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

export function table(columns: readonly string[], rows: readonly (readonly ResultValue[])[]): HTMLTableElement {
  return element(
    'table',
    {},
    element('thead', {}, element('tr', {}, ...columns.map((c) => element('th', {}, c)))),
    element('tbody', {}, ...rows.map((row) => element('tr', {}, ...row.map((value) => element('td', {}, formatValue(value)))))),
  );
}

/** One block per statement: its (password-masked) text, then its table, its error or "done", and Neo4j's notifications. */
export function statementResult(run: StatementRun): HTMLElement {
  const query = run.query.length > 160 ? `${run.query.slice(0, 160)}…` : run.query;
  const header = element('div', { class: 'query' }, element('span', { class: 'line' }, `line ${run.line}`), element('code', {}, query));
  if (run.error) {
    return element(
      'article',
      { class: 'result failed' },
      header,
      element('p', { class: 'error' }, `${run.error.message} `, element('small', {}, run.error.code)),
    );
  }
  const notes = run.notifications.map((n) =>
    element('p', { class: `notification ${n.severity.toLowerCase()}` }, `${n.title} ${n.description} `, element('small', {}, n.code)),
  );
  if (run.columns.length === 0)
    return element('article', { class: 'result done' }, header, element('p', { class: 'ok' }, 'Done.'), ...notes);
  const count = `${run.rows.length} ${run.rows.length === 1 ? 'row' : 'rows'}`;
  return element('article', { class: 'result' }, header, table(run.columns, run.rows), element('p', { class: 'count' }, count), ...notes);
}

const SIGN_CLASS = { '+': 'add', '~': 'change', '>': 'change', '-': 'delete' } as const;

/** What the last run changed, one line per user, role or privilege, as `sysdb plan` prints it. */
export function planView(plan: PlanView): HTMLElement[] {
  return [
    element('h2', {}, 'Plan of the last run'),
    element('ul', {}, ...plan.lines.map((l) => element('li', { class: SIGN_CLASS[l.sign] }, l.text))),
    element('p', { class: 'summary' }, plan.summary),
  ];
}

export function problems(list: HTMLElement, diagnostics: readonly LintDiagnostic[], goTo: (offset: number) => void): void {
  list.replaceChildren(
    ...diagnostics.map((d) => {
      const item = element(
        'li',
        { class: d.severity, tabindex: '0' },
        element('span', { class: 'where' }, `${d.line}:${d.column}`),
        ` ${d.message}`,
      );
      item.addEventListener('click', () => goTo(d.from));
      return item;
    }),
  );
}

export { element };
