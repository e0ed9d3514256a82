/** Result tables drawn the way cypher-shell draws them, so output reads the same as against a server. */
import { formatValue as cell, type ResultValue } from '../index.js';

export function table(columns: readonly string[], rows: readonly (readonly ResultValue[])[]): string {
  const cells = rows.map((row) => row.map(cell));
  // Every row has a cell per column, so the fallbacks are never taken.
  // A loop, not Math.max(...cells): a result of 200,000 rows would pass too many arguments.
  const widths = columns.map((c, i) => cells.reduce((widest, r) => Math.max(widest, r[i]?.length ?? 0), c.length));
  const line = (values: readonly string[]) => `| ${values.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const border = `+${'-'.repeat(widths.reduce((sum, w) => sum + w + 3, -1))}+`;
  const body = cells.map(line);
  const count = `${rows.length} ${rows.length === 1 ? 'row' : 'rows'}`;
  return [border, line(columns), border, ...body, border, '', count, ''].join('\n');
}
