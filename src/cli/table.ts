/** Result tables drawn the way cypher-shell draws them, so output reads the same as against a server. */
import type { ResultValue } from '../exec/values.js';

/** cypher-shell's rendering of a value: strings quoted, TRUE/FALSE/NULL in capitals, maps with bare keys. */
export function cell(value: ResultValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(cell).join(', ')}]`;
  return `{${Object.entries(value)
    .map(([k, v]) => `${/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : `\`${k.replace(/`/g, '``')}\``}: ${cell(v)}`)
    .join(', ')}}`;
}

export function table(columns: readonly string[], rows: readonly (readonly ResultValue[])[]): string {
  const cells = rows.map((row) => row.map(cell));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: readonly string[]) => `| ${values.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  const border = `+${'-'.repeat(widths.reduce((sum, w) => sum + w + 3, -1))}+`;
  const body = cells.map(line);
  const count = `${rows.length} ${rows.length === 1 ? 'row' : 'rows'}`;
  return [border, line(columns), border, ...body, border, '', count, ''].join('\n');
}
