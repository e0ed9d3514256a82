/** Values as cypher-shell prints them; shared by the CLI's tables and the playground. */
import type { ResultValue } from '../exec/values.js';

/** cypher-shell's rendering of a value: strings quoted, TRUE/FALSE/NULL in capitals, maps with bare keys. */
export function cell(value: ResultValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(cell).join(', ')}]`;
  return `{${Object.entries(value)
    .map(([k, v]) => `${/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : `\`${k.replace(/`/g, '``')}\``}: ${cell(v)}`)
    .join(', ')}}`;
}
