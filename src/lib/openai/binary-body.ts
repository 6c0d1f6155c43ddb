/**
 * A body that is not text at all: an image or archive where JSON was expected, or a compressed
 * stream whose Content-Encoding a proxy dropped. Shown as what it is, not as "not valid JSON"
 * followed by a screen of replacement characters.
 */
import type { AppError } from '../../domain/types';

/** Content types that are never a chat completion, streamed or not. */
const BINARY_TYPE = /^(application\/(octet-stream|zip|gzip|x-gzip|pdf|x-protobuf|protobuf|wasm)|image\/|audio\/|video\/|font\/)/i;

export function isBinaryContentType(contentType: string): boolean {
  return BINARY_TYPE.test(contentType.trim());
}

/**
 * True when decoded text is really binary: a NUL, or more than a tenth of the start made of
 * replacement characters (bytes that are not UTF-8) and control characters other than whitespace.
 */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 2048);
  if (sample.length === 0) return false;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) odd++;
  }
  return odd / sample.length > 0.1;
}

/** What the start of the body looks like: a known signature by name, else the first characters escaped. */
function signature(text: string): string {
  if (text.startsWith('\uFFFDPNG')) return 'a PNG image';
  if (text.startsWith('\u001F\uFFFD')) return 'gzip-compressed data';
  if (text.startsWith('%PDF')) return 'a PDF document';
  if (text.startsWith('PK\u0003\u0004')) return 'a ZIP archive';
  return 'binary data';
}

export function binaryBodyError(status: number, contentType: string, text: string): AppError {
  const what = signature(text);
  const escaped = JSON.stringify(text.slice(0, 48)).slice(1, -1);
  return {
    kind: 'malformed',
    status,
    message: `The server answered with ${what} (${contentType || 'no content type'}), not text: this is not a chat completion.`,
    hint:
      what === 'gzip-compressed data'
        ? 'The body is compressed but the response does not say so (no Content-Encoding): a proxy in between may have dropped the header.'
        : 'Check the base URL: it may point at a file or another service rather than an OpenAI-compatible API.',
    detail: `Starts with: ${escaped}`,
  };
}
