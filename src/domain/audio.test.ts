import { describe, expect, it } from 'vitest';
import { base64ToBytes, playableAudio } from './audio';

describe('audio replies', () => {
  it('wraps pcm16 in a playable WAV header and passes other formats through', () => {
    const pcm = btoa(String.fromCharCode(1, 2, 3, 4));
    const wav = playableAudio(pcm, 'pcm16');
    expect(wav.mimeType).toBe('audio/wav');
    expect(String.fromCharCode(...wav.bytes.slice(0, 4))).toBe('RIFF');
    expect(new DataView(wav.bytes.buffer).getUint32(40, true)).toBe(4);
    expect([...wav.bytes.slice(44)]).toEqual([1, 2, 3, 4]);
    expect(playableAudio(pcm, 'mp3')).toEqual({ bytes: base64ToBytes(pcm), mimeType: 'audio/mpeg' });
  });
});
