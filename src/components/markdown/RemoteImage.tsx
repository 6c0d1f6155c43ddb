import { useState } from 'react';
import { mediaVerdict } from '../../domain/link-safety';

/**
 * Images in model output may point anywhere and could leak data through their URL,
 * so they load only after a click; only http(s) and data:image URLs are ever loaded
 * (the same rule as image parts: `mediaVerdict`).
 */
export function RemoteImage({ src, alt }: { src: string; alt: string }) {
  const [shown, setShown] = useState(false);
  const verdict = mediaVerdict(src, 'image');
  if (verdict.kind === 'refused') return <span className="text-faint">[image: {alt || 'untitled'}]</span>;
  if (shown) return <img src={src} alt={alt} referrerPolicy="no-referrer" className="max-w-full rounded-md border border-line" />;
  const host = verdict.kind === 'remote' ? verdict.host : 'inline data';
  return (
    <button
      type="button"
      onClick={() => setShown(true)}
      className="inline-flex items-center gap-1 rounded border border-line bg-sunken px-2 py-0.5 text-[12px] text-muted hover:text-fg"
    >
      Load image {alt ? `“${alt}”` : ''} from {host}
    </button>
  );
}
