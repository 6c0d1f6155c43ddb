import { useState } from 'react';
import { Button } from './Button';

/**
 * Past this many characters the raw view shows the start and offers the rest: laying out
 * megabytes of monospace text in one go blocks the page for seconds.
 */
export const RAW_PREVIEW_CHARS = 100_000;

/** A message's exact text: monospace, whitespace and newlines as sent, wrapped, selectable. */
export default function RawText({ text }: { text: string }) {
  const [all, setAll] = useState(false);
  const cut = !all && text.length > RAW_PREVIEW_CHARS;
  return (
    <div data-testid="message-raw-text">
      <pre className="select-text whitespace-pre-wrap break-words rounded-md border border-line bg-sunken px-3 py-2 font-mono text-[12.5px] leading-relaxed text-fg">
        {text === '' ? <span className="font-sans text-faint">(no text)</span> : cut ? text.slice(0, RAW_PREVIEW_CHARS) : text}
      </pre>
      {cut ? (
        <div role="note" className="mt-1.5 flex flex-wrap items-center gap-2 text-[12px] text-muted">
          The first {RAW_PREVIEW_CHARS.toLocaleString()} of {text.length.toLocaleString()} characters.
          <Button className="h-7 px-2 text-[12px]" onClick={() => setAll(true)}>
            Show all
          </Button>
        </div>
      ) : null}
    </div>
  );
}
