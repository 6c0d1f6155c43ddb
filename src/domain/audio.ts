/** Audio replies arrive as base64; this turns them into bytes a browser can play. */

export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64.replace(/\s/g, ''));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Raw 16-bit little-endian PCM (OpenAI's `pcm16`, 24 kHz mono) wrapped in a WAV header. */
export function pcm16ToWav(pcm: Uint8Array, sampleRate = 24_000): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(44 + pcm.length);
  const v = new DataView(out.buffer);
  const text = (at: number, s: string) => [...s].forEach((c, i) => v.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  v.setUint32(4, 36 + pcm.length, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true); // PCM
  v.setUint16(22, 1, true); // mono
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * 2, true);
  v.setUint16(32, 2, true);
  v.setUint16(34, 16, true);
  text(36, 'data');
  v.setUint32(40, pcm.length, true);
  out.set(pcm, 44);
  return out;
}

/** Playable bytes and MIME type of an audio reply in `format` (the request's `audio.format`). */
export function playableAudio(b64: string, format: string): { bytes: Uint8Array<ArrayBuffer>; mimeType: string } {
  const bytes = base64ToBytes(b64);
  switch (format) {
    case 'mp3':
      return { bytes, mimeType: 'audio/mpeg' };
    case 'pcm16':
      return { bytes: pcm16ToWav(bytes), mimeType: 'audio/wav' };
    case 'opus':
      return { bytes, mimeType: 'audio/ogg' };
    case 'flac':
      return { bytes, mimeType: 'audio/flac' };
    case 'aac':
      return { bytes, mimeType: 'audio/aac' };
    default:
      return { bytes, mimeType: 'audio/wav' };
  }
}
