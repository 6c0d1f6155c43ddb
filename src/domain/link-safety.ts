/**
 * What a link in untrusted text may do. Only web and mail addresses are clickable; characters
 * that are invisible or reorder text (zero-width, bidi controls) are made visible, and a link
 * whose text looks like one address but points at another shows where it really goes.
 */

// Zero-width and formatting characters, bidi embeddings/overrides/isolates, and the BOM. ZWJ is
// handled apart: between emoji it is how family and flag sequences are written.
const INVISIBLE =
  /[\u00AD\u061C\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u206A-\u206F\uFEFF]|(?<!\p{Extended_Pictographic}\uFE0F?)\u200D/gu;

export function hasInvisible(text: string): boolean {
  INVISIBLE.lastIndex = 0;
  const found = INVISIBLE.test(text);
  INVISIBLE.lastIndex = 0;
  return found;
}

/** The text with each invisible or bidi control character shown as ⟨U+XXXX⟩. */
export function revealInvisible(text: string): string {
  return text.replace(INVISIBLE, (ch) => `⟨U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

export type LinkVerdict = { clickable: true; href: string } | { clickable: false; reason: string };

/** Web and mail addresses and in-page anchors are clickable; anything else (javascript:, data:, vbscript:, file:, …) is not. */
export function linkVerdict(href: string | null | undefined): LinkVerdict {
  const raw = (href ?? '').trim();
  if (raw === '') return { clickable: false, reason: 'The address was removed: it could run code or load hidden content.' };
  if (/^#/.test(raw)) return { clickable: true, href: raw };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https' || scheme === 'mailto') return { clickable: true, href: raw };
  if (scheme) return { clickable: false, reason: `${scheme}: links are not opened.` };
  return { clickable: false, reason: 'Relative addresses in a message are not opened.' };
}

function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'mailto:' ? null : u.host.toLowerCase();
  } catch {
    return null;
  }
}

const LOOKS_LIKE_ADDRESS = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:www\.)?[^\s/@]+\.[a-z\u00a1-\uffff]{2,}(?:[/:?#]\S*)?$/iu;

/**
 * The real host, when a person could be misled about it: the link text contains invisible or
 * bidi characters, or reads like an address on another host (`[https://bank.com](https://evil.com)`),
 * or the host is an internationalized (punycode) name. Null when the link says what it does.
 */
export function hostToShow(text: string, href: string): string | null {
  const real = hostOf(href);
  if (!real) return null;
  if (hasInvisible(text) || hasInvisible(decodeSafely(href))) return real;
  if (real.split('.').some((label) => label.startsWith('xn--'))) return real;
  const shown = text.trim();
  if (!LOOKS_LIKE_ADDRESS.test(shown)) return null;
  const textHost = hostOf(/^[a-z][a-z0-9+.-]*:\/\//i.test(shown) ? shown : `https://${shown}`);
  if (textHost === null) return real;
  const bare = (h: string) => h.replace(/^www\./, '');
  return bare(textHost) === bare(real) ? null : real;
}

function decodeSafely(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Whether `url` may be stored as the source of an imported media part: `https:` (loaded only when
 * the person clicks) or a `data:` URL of the part's own kind (`data:image/…` for an image). Never
 * `javascript:`, `http:`, `file:` or a `data:text/html` page dressed as an image.
 */
export function isSafeMediaURL(url: string, kind: 'image' | 'audio' | 'file'): boolean {
  const text = url.trim();
  if (/^https:\/\/[^\s/]+/i.test(text)) {
    try {
      return new URL(text).protocol === 'https:';
    } catch {
      return false;
    }
  }
  const media = /^data:([a-z]+)\/[\w.+-]+[;,]/i.exec(text)?.[1]?.toLowerCase();
  if (media === undefined) return false;
  return kind === 'file' ? media === 'application' || media === 'text' || media === 'image' : media === kind;
}

/**
 * Whether a media URL (an image or audio part, an image in markdown) may be shown, and how:
 * `inline` bytes (a data: URL of an allowed type) load at once, a `remote` one only after a click
 * that names its real host (the sender would learn the reader's address and when they read),
 * anything else (javascript:, file:, data:text/html, relative paths) never loads.
 */
export type MediaVerdict = { kind: 'inline' } | { kind: 'remote'; host: string } | { kind: 'refused' };

const INLINE_MEDIA: Readonly<Record<'image' | 'audio', RegExp>> = {
  image: /^data:image\/(png|jpe?g|gif|webp);/i,
  audio: /^data:audio\/(wav|x-wav|wave|mpeg|mp3);/i,
};

export function mediaVerdict(url: string, type: 'image' | 'audio'): MediaVerdict {
  const raw = url.trim();
  if (INLINE_MEDIA[type].test(raw)) return { kind: 'inline' };
  if (!/^https?:\/\//i.test(raw)) return { kind: 'refused' };
  try {
    // URL.host is the punycode form: the real host, not one that merely looks like another.
    return { kind: 'remote', host: new URL(raw).host };
  } catch {
    return { kind: 'refused' };
  }
}
