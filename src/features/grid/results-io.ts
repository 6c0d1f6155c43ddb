// A grid's results as a file: CSV (Papa Parse, loaded on first use, as for test cases) or JSON,
// one record per cell with the exact request body sent.
import type { Grid, GridCell } from '../../domain/grid';
import { exportJson, exportRecords, exportTable, type ExportedCheck } from '../../domain/grid-export';
import { fileSlug } from '../../domain/file-names';
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
  const name = `${fileSlug(context.title) || 'grid'}-results.${format}`;
  if (format === 'json') {
    download(name, exportJson(records, { conversation: context.title, exportedAt: new Date().toISOString() }), 'application/json');
    return;
  }
  const Papa = (await import('papaparse')).default;
  download(name, Papa.unparse(exportTable(records, variables), { newline: '\n' }), 'text/csv');
}
