import { Button } from '../../components/ui/Button';
import { Dialog } from '../../components/ui/Dialog';
import { CellDiff } from './CellDiff';

/** A cell's reply against the same row's reply in another column, word by word. */
export default function CellDiffDialog({
  title,
  baseLabel,
  textLabel,
  base,
  text,
  onClose,
}: {
  title: string;
  baseLabel: string;
  textLabel: string;
  base: string;
  text: string;
  onClose: () => void;
}) {
  return (
    <Dialog
      onClose={onClose}
      label={title}
      testId="grid-diff-dialog"
      className="m-auto max-h-[80vh] w-[min(92vw,760px)] overflow-hidden rounded-xl border border-line bg-raised p-0 shadow-2xl backdrop:bg-black/40"
    >
      <div className="flex max-h-[80vh] flex-col">
        <header className="flex h-11 shrink-0 items-center gap-3 border-b border-line px-4">
          <h2 className="text-[13.5px] font-semibold">{title}</h2>
          <span className="flex items-center gap-2 text-[11.5px] text-muted">
            <del className="rounded-sm bg-danger/15 px-1 font-mono text-muted">{baseLabel}</del>
            <ins className="rounded-sm bg-ok/20 px-1 font-mono text-fg no-underline">{textLabel}</ins>
          </span>
          <Button variant="ghost" className="ml-auto" aria-label="Close the diff" onClick={onClose} data-autofocus>
            ✕
          </Button>
        </header>
        <div className="min-h-0 overflow-auto px-4 py-3">
          {base === text ? <p className="mb-2 text-[12px] text-ok">The two replies are identical.</p> : null}
          <CellDiff base={base} text={text} />
        </div>
      </div>
    </Dialog>
  );
}
