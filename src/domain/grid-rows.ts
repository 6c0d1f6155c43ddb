/**
 * Test cases in and out of the grid: a table (CSV/TSV already parsed, first row the variable
 * names) or JSON Lines (one object per line). Bad rows are refused one by one with the line and
 * the reason; the good ones are kept.
 */
import type { GridRow } from './grid';

export interface RowsImport {
  rows: GridRow[];
  /** One per refused line: "Line 4: …". */
  errors: string[];
}

/** The column that holds the expected output instead of a variable (any case). */
const EXPECTED = 'expected';
const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function isExpected(name: string): boolean {
  return name.toLowerCase() === EXPECTED;
}

/** A header cell as a variable name: `{{city}}` and ` city ` both mean `city`. */
function headerName(cell: string): string {
  return cell.trim().replace(/^\{\{\s*(.*?)\s*\}\}$/, '$1');
}

/** Rows from a parsed table whose first row names the columns (variables, and optionally `expected`). */
export function rowsFromTable(table: readonly (readonly string[])[], newId: () => string): RowsImport {
  const errors: string[] = [];
  const [head, ...body] = table;
  if (!head || head.every((c) => c.trim() === ''))
    return { rows: [], errors: ['Line 1: the first line must name the columns (the variables).'] };
  const names = head.map(headerName);
  const bad = names.filter((n) => !isExpected(n) && !NAME.test(n));
  if (bad.length > 0) {
    return {
      rows: [],
      errors: [
        `Line 1: ${bad.map((b) => `"${b}"`).join(', ')} ${bad.length > 1 ? 'are not variable names' : 'is not a variable name'} (a letter or _, then letters, digits, _ or -).`,
      ],
    };
  }
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) return { rows: [], errors: [`Line 1: the column "${twice}" is named twice.`] };
  const rows: GridRow[] = [];
  body.forEach((cells, i) => {
    const line = i + 2;
    if (cells.every((c) => c.trim() === '')) return; // blank lines (a trailing newline) are no rows
    if (cells.length > names.length) {
      errors.push(`Line ${line}: ${cells.length} values for ${names.length} columns.`);
      return;
    }
    const row: GridRow = { id: newId(), values: {} };
    names.forEach((name, c) => {
      const value = cells[c] ?? '';
      if (isExpected(name)) row.expected = value;
      else row.values[name] = value;
    });
    rows.push(row);
  });
  return { rows, errors };
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Rows from JSON Lines: each line an object of variable → string (numbers and booleans are taken as written). */
export function rowsFromJsonl(text: string, newId: () => string): RowsImport {
  const rows: GridRow[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (err) {
      errors.push(`Line ${line}: not valid JSON (${err instanceof Error ? err.message : String(err)}).`);
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      errors.push(`Line ${line}: a JSON object is expected, not ${kind(parsed)}.`);
      return;
    }
    const row: GridRow = { id: newId(), values: {} };
    for (const [key, value] of Object.entries(parsed)) {
      if (!isExpected(key) && !NAME.test(key)) {
        errors.push(`Line ${line}: "${key}" is not a variable name.`);
        return;
      }
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        errors.push(`Line ${line}: "${key}" must be a string, not ${kind(value)}.`);
        return;
      }
      if (isExpected(key)) row.expected = String(value);
      else row.values[key] = String(value);
    }
    rows.push(row);
  });
  return { rows, errors };
}

/** The rows as a table for CSV/TSV: the variables, then `expected` when any row has one. */
export function rowsToTable(rows: readonly GridRow[], variables: readonly string[]): string[][] {
  const withExpected = rows.some((r) => r.expected !== undefined && r.expected !== '');
  const head = [...variables, ...(withExpected ? [EXPECTED] : [])];
  return [head, ...rows.map((r) => [...variables.map((v) => r.values[v] ?? ''), ...(withExpected ? [r.expected ?? ''] : [])])];
}

/** The rows as JSON Lines. */
export function rowsToJsonl(rows: readonly GridRow[], variables: readonly string[]): string {
  return rows
    .map((r) =>
      JSON.stringify({
        ...Object.fromEntries(variables.map((v) => [v, r.values[v] ?? ''])),
        ...(r.expected ? { expected: r.expected } : {}),
      }),
    )
    .join('\n');
}
