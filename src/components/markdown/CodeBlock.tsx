import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { useEffect, useState, type ReactNode } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { CheckIcon, CopyIcon } from '../ui/icons';
import { loadHighlighter } from './highlight';

/**
 * A fenced code block: plain text at once, highlighted once the grammar is loaded — but never
 * while it is still streaming, so the growing tail stays cheap. The highlighted tree is turned
 * into React elements (no innerHTML), so model output can never inject markup.
 */
export function CodeBlock({ code, lang, live }: { code: string; lang: string; live: boolean }) {
  // `node: null`: the highlighter has no tree for this code (unknown language, too long to guess).
  const [highlighted, setHighlighted] = useState<{ code: string; node: ReactNode | null } | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (live) return;
    let cancelled = false;
    void loadHighlighter().then((highlight) => {
      const tree = highlight(code, lang);
      if (!cancelled) setHighlighted({ code, node: tree ? toJsxRuntime(tree, { Fragment, jsx, jsxs }) : null });
    });
    return () => {
      cancelled = true;
    };
  }, [code, lang, live]);

  const current = highlighted?.code === code ? highlighted : null;

  const copy = () => {
    void navigator.clipboard?.writeText(code).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 1200);
    });
  };

  return (
    <div className="group relative rounded-lg border border-line bg-sunken my-3 overflow-hidden">
      <div className="flex items-center justify-between px-3 h-7 border-b border-line text-[11px] text-faint font-mono">
        <span>{lang || 'text'}</span>
        <button
          type="button"
          onClick={copy}
          aria-label="Copy code"
          className="inline-flex items-center gap-1 hover:text-fg focus-visible:outline-2 focus-visible:outline-accent rounded px-1"
        >
          {copied ? <CheckIcon /> : <CopyIcon />}
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <pre tabIndex={0} className="overflow-x-auto p-3 text-[12.5px] leading-relaxed font-mono">
        {/* data-highlight: live (still streaming), pending, done or none (nothing to highlight). */}
        <code className="hljs" data-highlight={live ? 'live' : current ? (current.node ? 'done' : 'none') : 'pending'}>
          {current?.node ?? code}
        </code>
      </pre>
    </div>
  );
}
