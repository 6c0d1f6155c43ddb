import { describe, expect, it } from 'vitest';
import { fileSlug } from './file-names';

describe('fileSlug', () => {
  it('makes a readable stem of a title', () => {
    expect(fileSlug('My Chat: about “Rust”!')).toBe('my-chat-about-rust');
    expect(fileSlug('日本語だけ')).toBe('conversation');
    expect(fileSlug('')).toBe('conversation');
    expect(fileSlug(`${'a'.repeat(59)} b`)).toBe('a'.repeat(59));
  });

  it('never gives a name Windows reserves for a device, in any case or with punctuation around it', () => {
    for (const title of ['CON', 'con', ' Con. ', 'PRN', 'aux', 'NUL', 'COM1', 'com9', 'LPT1', 'lpt0', 'CONIN$', 'conout$']) {
      const slug = fileSlug(title);
      expect(slug, title).toMatch(/-conversation$/);
      expect(slug.split('.')[0]!.toLowerCase(), title).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d|conin|conout)$/);
    }
    // Only whole names are reserved: these are fine as they are.
    expect(fileSlug('Console')).toBe('console');
    expect(fileSlug('COM10')).toBe('com10');
    expect(fileSlug('con man')).toBe('con-man');
  });
});
