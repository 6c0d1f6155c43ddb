// A grid's results as a file: CSV (Papa Parse, loaded on first use, as for test cases) or JSON,
// one record per cell with the exact request body sent.
import type { Grid, GridCell } from '../../domain/grid';
import { exportJson, exportRecords, exportTable, type ExportedCheck } from '../../domain/grid-export';
import { download } from '../../lib/files/download';

export async function exportResults(
  format: 'csv' | 'json',
  grid: Grid,
  cells: Readonly<Record<string, GridCell>>,
  variables: readonly string[],
  context: {
    title: string;
    endpointName: (endpointId: string | null) => string;
    checksOf?: (cell: GridCell) => ExportedCheck[] | undefined;
  },
): Promise<void> {
  const records = exportRecords(grid, cells, context.endpointName, context.checksOf);
  // A plain slug of the title (domain/file-names is the share feature's: kept out of the grid's chunk list).
  const slug = context.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  const name = `${slug || 'prompt-grid'}-results.${format}`;
  if (format === 'json') {
    download(name, exportJson(records, { conversation: context.title, exportedAt: new Date().toISOString() }), 'application/json');
    return;
  }
  const Papa = (await import('papaparse')).default;
  download(name, Papa.unparse(exportTable(records, variables), { newline: '\n' }), 'text/csv');
}
