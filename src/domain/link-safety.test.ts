import { describe, expect, it } from 'vitest';
import { hasInvisible, hostToShow, isSafeMediaURL, linkVerdict, mediaVerdict, revealInvisible } from './link-safety';

describe('linkVerdict', () => {
  it('opens web and mail addresses and anchors only', () => {
    for (const ok of ['https://example.com/a', 'http://x.test', 'mailto:a@b.c', 'HTTPS://EXAMPLE.COM', '#section'])
      expect(linkVerdict(ok).clickable, ok).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<script>x</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'blob:https://x/1',
      '',
      undefined,
      '/relative',
      'foo/bar',
    ]) {
      expect(linkVerdict(bad).clickable, String(bad)).toBe(false);
    }
    expect(linkVerdict('vbscript:x')).toEqual({ clickable: false, reason: 'vbscript: links are not opened.' });
  });
});

describe('invisible characters', () => {
  it('finds and reveals zero-width and bidi controls', () => {
    const text = 'exa\u200Bmple.com \u202Egnp.exe \u2066x\u2069 \uFEFF';
    expect(hasInvisible(text)).toBe(true);
    expect(revealInvisible(text)).toBe('exa⟨U+200B⟩mple.com ⟨U+202E⟩gnp.exe ⟨U+2066⟩x⟨U+2069⟩ ⟨U+FEFF⟩');
    expect(hasInvisible('plain text')).toBe(false);
  });

  it('leaves emoji sequences alone (ZWJ between pictographs) but reveals a ZWJ inside a word', () => {
    expect(hasInvisible('👩‍👩‍👧 ❤️‍🔥')).toBe(false);
    expect(revealInvisible('pay\u200Dpal')).toBe('pay⟨U+200D⟩pal');
  });
});

describe('hostToShow', () => {
  it('is null when the link says what it does', () => {
    expect(hostToShow('the docs', 'https://example.com/docs')).toBeNull();
    expect(hostToShow('https://example.com/docs', 'https://example.com/docs')).toBeNull();
    expect(hostToShow('www.example.com', 'https://example.com/')).toBeNull();
    expect(hostToShow('me', 'mailto:me@example.com')).toBeNull();
  });

  it('shows the real host of a deceptive, hidden-character or punycode link', () => {
    expect(hostToShow('https://bank.example', 'https://evil.example/login')).toBe('evil.example');
    expect(hostToShow('bank.example/login', 'https://evil.example/login')).toBe('evil.example');
    expect(hostToShow('\u202Emoc.elpmaxe', 'https://evil.example/')).toBe('evil.example');
    expect(hostToShow('example', 'https://exa%E2%80%8Bmple.com/')).not.toBeNull();
    expect(hostToShow('apple', 'https://xn--pple-43d.com/')).toBe('xn--pple-43d.com');
    expect(hostToShow('аpple.com', 'https://аpple.com/')).toBe('xn--pple-43d.com');
  });
});

describe('isSafeMediaURL', () => {
  it('keeps https and data URLs of the part’s own kind, refuses the rest', () => {
    expect(isSafeMediaURL('https://example.com/cat.png', 'image')).toBe(true);
    expect(isSafeMediaURL('data:image/png;base64,AAAA', 'image')).toBe(true);
    expect(isSafeMediaURL('data:audio/wav;base64,AAAA', 'audio')).toBe(true);
    expect(isSafeMediaURL('data:application/pdf;base64,AAAA', 'file')).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'http://tracker.example/p.gif',
      'file:///etc/passwd',
      'data:text/html,<b>x</b>',
      'https://',
      '//cdn.example/x.png',
    ])
      expect(isSafeMediaURL(bad, 'image'), bad).toBe(false);
    expect(isSafeMediaURL('data:image/png;base64,AAAA', 'audio')).toBe(false);
  });
});

describe('mediaVerdict', () => {
  it('inline data of an allowed type loads at once; other data: URLs never', () => {
    expect(mediaVerdict('data:image/png;base64,AAAA', 'image')).toEqual({ kind: 'inline' });
    expect(mediaVerdict('data:audio/wav;base64,UklG', 'audio')).toEqual({ kind: 'inline' });
    expect(mediaVerdict('data:text/html;base64,PHNjcmlwdD4=', 'image')).toEqual({ kind: 'refused' });
    expect(mediaVerdict('data:image/svg+xml;base64,PHN2Zz4=', 'image')).toEqual({ kind: 'refused' });
    expect(mediaVerdict('data:image/png;base64,AAAA', 'audio')).toEqual({ kind: 'refused' });
  });

  it('a web address waits for a click that names its real (punycode) host', () => {
    expect(mediaVerdict('https://evil.example:8443/pixel.png?c=1', 'image')).toEqual({ kind: 'remote', host: 'evil.example:8443' });
    expect(mediaVerdict('https://аpple.com/a.wav', 'audio')).toEqual({ kind: 'remote', host: 'xn--pple-43d.com' });
  });

  it('anything else never loads', () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', '/relative.png', 'blob:https://x/1', 'https://'])
      expect(mediaVerdict(url, 'image')).toEqual({ kind: 'refused' });
  });
});
