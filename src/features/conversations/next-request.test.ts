import { describe, expect, it, vi } from 'vitest';
import { textContent } from '../../domain/messages';
import { defaultRequestParams } from '../../domain/params';
import type { Message } from '../../domain/types';

const dataURLsFor = vi.fn((_messages: readonly Message[]) => Promise.resolve(new Map([['blob1', 'data:image/png;base64,AAAA']])));
vi.mock('../../lib/db/repo', () => ({ dataURLsFor }));

const { buildNextRequest, nextRequestMessages, previewNextRequest } = await import('./next-request');

const params = defaultRequestParams('m');
const user: Message = {
  id: 'u1',
  conversationId: 'c1',
  parentId: null,
  role: 'user',
  content: [
    { type: 'text', text: 'Look' },
    { type: 'image', source: { kind: 'blob', blobId: 'blob1', mimeType: 'image/png' }, detail: 'auto' },
  ],
  status: 'done',
  createdAt: 1,
  updatedAt: 1,
};

describe('nextRequestMessages', () => {
  it('adds the draft as the last user turn', () => {
    const messages = nextRequestMessages([user], 'And now?', 42);
    expect(messages).toHaveLength(2);
    expect(messages[1]).toMatchObject({ role: 'user', content: textContent('And now?'), createdAt: 42, updatedAt: 42 });
  });

  it('adds nothing for a blank draft, and never changes the path', () => {
    const path = [user];
    expect(nextRequestMessages(path, '  \n')).toEqual([user]);
    expect(nextRequestMessages(path, 'x')).not.toBe(path);
    expect(path).toHaveLength(1);
  });
});

describe('previewNextRequest', () => {
  it('shows binaries as placeholders, without reading storage', () => {
    const built = previewNextRequest([user], params, 'Draft');
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(JSON.stringify(built.body)).toContain('data:image/png;base64,…');
    expect(built.body.messages.at(-1)).toEqual({ role: 'user', content: 'Draft' });
    expect(dataURLsFor).not.toHaveBeenCalled();
  });
});

describe('buildNextRequest', () => {
  it('is the preview with binaries inlined from storage', async () => {
    const built = await buildNextRequest([user], params, 'Draft');
    const preview = previewNextRequest([user], params, 'Draft');
    expect(built.ok && preview.ok).toBe(true);
    if (!built.ok || !preview.ok) return;
    expect(JSON.stringify(built.body)).toBe(JSON.stringify(preview.body).replace('data:image/png;base64,…', 'data:image/png;base64,AAAA'));
    expect(dataURLsFor).toHaveBeenCalledTimes(1);
  });
});
