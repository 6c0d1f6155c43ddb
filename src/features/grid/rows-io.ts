// Test cases from and to files and the clipboard. Papa Parse (about 7 KB gzip) loads on first use.
import { rowsFromJsonl, rowsFromTable, rowsToJsonl, rowsToTable, type RowsImport } from '../../domain/grid-rows';
import type { GridRow } from '../../domain/grid';
import { newId } from '../../domain/ids';

/** CSV or TSV (the delimiter is detected: a tab in the first line means TSV), first row the variable names. */
export async function parseDelimited(text: string): Promise<RowsImport> {
  const Papa = (await import('papaparse')).default;
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimiter: firstLine.includes('\t') ? '\t' : ',',
    skipEmptyLines: 'greedy',
  });
  const fromTable = rowsFromTable(parsed.data, newId);
  // Papa's own problems (an unclosed quote) are per row: said with the line, like ours.
  const quoteErrors = parsed.errors.map((e) => `Line ${(e.row ?? 0) + 1}: ${e.message}.`);
  return { rows: fromTable.rows, errors: [...quoteErrors, ...fromTable.errors] };
}

/** A file's test cases, by its name: .jsonl / .ndjson as JSON Lines, anything else as CSV/TSV. */
export async function parseRowsFile(name: string, text: string): Promise<RowsImport> {
  return /\.(jsonl|ndjson)$/i.test(name) ? rowsFromJsonl(text, newId) : parseDelimited(text);
}

export async function rowsAsText(rows: readonly GridRow[], variables: readonly string[], format: 'csv' | 'tsv' | 'jsonl'): Promise<string> {
  if (format === 'jsonl') return rowsToJsonl(rows, variables);
  const Papa = (await import('papaparse')).default;
  return Papa.unparse(rowsToTable(rows, variables), { delimiter: format === 'tsv' ? '\t' : ',', newline: '\n' });
}
