import { useState } from 'react';
import { Button } from '../../components/ui/Button';
import { download } from '../../lib/files/download';

/** How much of a huge message shows before the person chooses. */
export const HUGE_PREVIEW_CHARS = 20_000;

function megabytes(chars: number): string {
  return `${(chars / (1024 * 1024)).toFixed(1)} MB`;
}

/** A huge message: its start, its size, and the choice to show all of it (as plain text) or download it. */
export default function HugeText({ text, filename, streaming }: { text: string; filename: string; streaming: boolean }) {
  const [all, setAll] = useState(false);
  if (all) return <div className="whitespace-pre-wrap break-words">{text}</div>;
  return (
    <div data-testid="huge-text">
      <div className="relative max-h-96 overflow-hidden whitespace-pre-wrap break-words">
        {text.slice(0, HUGE_PREVIEW_CHARS)}
        <div className="absolute inset-x-0 bottom-0 h-16 bg-gradient-to-t from-bg to-transparent" />
      </div>
      <div role="note" className="mt-2 flex flex-wrap items-center gap-2 rounded-lg border border-line bg-panel px-3 py-2 text-[12px]">
        <span className="text-muted">
          {streaming ? 'Still arriving: ' : ''}
          <span className="font-medium text-fg">{megabytes(text.length)}</span> ({text.length.toLocaleString()} characters), too large to
          render here. The first {HUGE_PREVIEW_CHARS.toLocaleString()} characters are shown.
        </span>
        <span className="ml-auto flex gap-2">
          <Button data-testid="huge-text-show" className="h-7 px-2 text-[12px]" disabled={streaming} onClick={() => setAll(true)}>
            Show all as plain text
          </Button>
          <Button
            data-testid="huge-text-download"
            className="h-7 px-2 text-[12px]"
            onClick={() => download(filename, text, 'text/markdown')}
          >
            Download
          </Button>
        </span>
      </div>
    </div>
  );
}
