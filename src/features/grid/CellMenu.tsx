import { lazy, Suspense, useState } from 'react';
import { Menu, MenuItem, MenuSeparator } from '../../components/ui/Menu';
import { cellId, type Grid, type GridCell, type GridRow } from '../../domain/grid';
import type { Conversation, Message } from '../../domain/types';
import { openCellAsConversation } from './open-cell';

// The diff and its library load when a diff is first asked for.
const CellDiffDialog = lazy(() => import('./CellDiffDialog'));

const ITEM =
  'block w-full rounded-md px-2.5 py-1.5 text-left text-[12.5px] text-fg hover:bg-sunken focus:bg-sunken focus:outline-none disabled:text-faint disabled:hover:bg-transparent';

/** A cell's own actions: open it as a conversation, diff it against the same row in another column. */
export function CellMenu({
  conversation,
  path,
  grid,
  cells,
  row,
  rowIndex,
  configIndex,
  onOpened,
}: {
  conversation: Conversation;
  path: readonly Message[];
  grid: Grid;
  cells: Record<string, GridCell>;
  row: GridRow;
  rowIndex: number;
  configIndex: number;
  /** After the conversation opened (the grid closes to show it). */
  onOpened: () => void;
}) {
  const [diffWith, setDiffWith] = useState<number | null>(null);
  const config = grid.configs[configIndex]!;
  const textOf = (i: number) => cells[cellId(grid.conversationId, row.id, grid.configs[i]!.id)]?.text ?? '';
  const others = grid.configs.map((c, i) => ({ c, i })).filter(({ i }) => i !== configIndex);
  const where = `row ${rowIndex + 1}, column ${configIndex + 1}`;
  return (
    <>
      {/* In place, not portalled: the grid is a modal dialog, and the page outside it is inert. */}
      <Menu
        label={`More actions for ${where}`}
        button="⋯"
        className="relative"
        buttonClassName="flex h-5 w-5 items-center justify-center rounded text-[13px] leading-none text-faint hover:bg-sunken hover:text-fg focus-visible:outline-2 focus-visible:outline-accent"
        menuClassName="absolute right-0 top-full z-30 mt-1 w-64 rounded-lg border border-line bg-panel p-1 shadow-lg"
      >
        <MenuItem
          className={ITEM}
          onSelect={() => void openCellAsConversation(conversation, path, row.id, config.id).then((ok) => ok && onOpened())}
        >
          Open as conversation
        </MenuItem>
        {others.length > 0 ? <MenuSeparator className="my-1 h-px bg-line" /> : null}
        {others.map(({ c, i }) => (
          <MenuItem key={c.id} className={ITEM} disabled={textOf(i) === '' && textOf(configIndex) === ''} onSelect={() => setDiffWith(i)}>
            Diff with column {i + 1} <span className="font-mono text-[11.5px] text-muted">{c.model}</span>
          </MenuItem>
        ))}
      </Menu>
      {diffWith !== null ? (
        <Suspense fallback={null}>
          <CellDiffDialog
            title={`Row ${rowIndex + 1}: column ${diffWith + 1} → column ${configIndex + 1}`}
            baseLabel={`${diffWith + 1} · ${grid.configs[diffWith]!.model}`}
            textLabel={`${configIndex + 1} · ${config.model}`}
            base={textOf(diffWith)}
            text={textOf(configIndex)}
            onClose={() => setDiffWith(null)}
          />
        </Suspense>
      ) : null}
    </>
  );
}
