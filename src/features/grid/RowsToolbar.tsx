import { useRef, useState } from 'react';
import { Button } from '../../components/ui/Button';
import type { Grid } from '../../domain/grid';
import { addEmptyRow, addRows } from './grid-actions';
import { download } from '../../lib/files/download';
import { parseDelimited, parseRowsFile, rowsAsText } from './rows-io';

/** Adding test cases (paste, import, one by one) and exporting them. */
export function RowsToolbar({ grid, variables, running }: { grid: Grid; variables: string[]; running: boolean }) {
  const [pasted, setPasted] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [added, setAdded] = useState<number | null>(null);
  const file = useRef<HTMLInputElement>(null);

  const take = async (read: Promise<{ rows: Grid['rows']; errors: string[] }>) => {
    const { rows, errors: bad } = await read;
    addRows(rows);
    setErrors(bad);
    setAdded(rows.length);
  };
  const addPasted = (text: string) => {
    if (text.trim() === '') return;
    setPasted('');
    void take(parseDelimited(text));
  };
  const exportAs = async (format: 'csv' | 'jsonl') => {
    const text = await rowsAsText(grid.rows, variables, format);
    download(`test-cases.${format}`, text, format === 'csv' ? 'text/csv' : 'application/x-ndjson');
  };

  return (
    <div className="shrink-0 border-b border-line px-4 py-2">
      <div className="flex items-start gap-2">
        <textarea
          data-testid="grid-rows-input"
          aria-label="Paste test cases (CSV or TSV, first row: variable names)"
          rows={1}
          value={pasted}
          placeholder="Paste rows from a spreadsheet, CSV or TSV (first row: variable names) — added on paste, or Ctrl/⌘+Enter"
          onChange={(e) => setPasted(e.target.value)}
          onPaste={(e) => {
            const text = e.clipboardData.getData('text/plain');
            if (text.includes('\n')) {
              e.preventDefault();
              addPasted(text);
            }
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              addPasted(pasted);
            }
          }}
          className="h-8 min-h-8 flex-1 resize-y rounded-md border border-line bg-raised px-2 py-1.5 font-mono text-[12px] leading-snug placeholder:font-sans placeholder:text-faint focus:outline-2 focus:outline-offset-[-1px] focus:outline-accent"
        />
        <Button disabled={pasted.trim() === ''} onClick={() => addPasted(pasted)}>
          Add rows
        </Button>
        <Button onClick={addEmptyRow} disabled={running}>
          + Row
        </Button>
        <Button onClick={() => file.current?.click()}>Import…</Button>
        <input
          ref={file}
          type="file"
          hidden
          aria-label="Import test cases"
          accept=".csv,.tsv,.txt,.jsonl,.ndjson"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void take(f.text().then((text) => parseRowsFile(f.name, text)));
          }}
        />
        <Button variant="ghost" disabled={grid.rows.length === 0} onClick={() => void exportAs('csv')}>
          Export CSV
        </Button>
        <Button variant="ghost" disabled={grid.rows.length === 0} onClick={() => void exportAs('jsonl')}>
          Export JSONL
        </Button>
      </div>
      {added !== null || errors.length > 0 ? (
        <div role="status" className="mt-1.5 text-[11.5px]">
          {added !== null ? <span className="text-muted">{added} rows added. </span> : null}
          {errors.length > 0 ? (
            <ul className="mt-0.5 max-h-20 list-inside list-disc overflow-auto text-danger">
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
