/** Base64 and data URLs without FileReader, so the codec runs the same in browsers and Node. */

const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** Throws on anything that is not base64. */
export function base64ToBytes(b64: string): Uint8Array {
  const clean = b64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw new Error('not base64');
  const binary = atob(clean);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export function bytesToBase64url(bytes: Uint8Array): string {
  return bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function base64urlToBytes(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  return base64ToBytes(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
}

/** A MIME type we are willing to write into a data URL or a file (no parameters, no quotes). */
export function safeMimeType(type: string): string {
  return /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/i.test(type) ? type.toLowerCase() : 'application/octet-stream';
}

export function toDataURL(mimeType: string, bytes: Uint8Array): string {
  return `data:${safeMimeType(mimeType)};base64,${bytesToBase64(bytes)}`;
}

/** Parses a base64 data URL; null when it is something else. */
export function parseDataURL(url: string): { mimeType: string; bytes: Uint8Array } | null {
  const match = /^data:([^;,]*)(?:;[^,;]*)*;base64,(.*)$/is.exec(url);
  if (!match) return null;
  try {
    return { mimeType: safeMimeType(match[1] || 'application/octet-stream'), bytes: base64ToBytes(match[2]!) };
  } catch {
    return null;
  }
}
