import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportSummary } from '../../lib/db/repo';
import { richBundle } from '../../lib/codec/test-fixtures';
import { encodeShareLink } from '../../lib/codec/share-link';

const { bundle, blobs } = richBundle();
const summary: ImportSummary = {
  added: 1,
  updated: 0,
  unchanged: 0,
  messages: bundle.messages.length,
  conversationIds: [bundle.conversation.id],
};
const repo = {
  readForExport: vi.fn(() => Promise.resolve({ bundles: [bundle], blobs })),
  writeRestored: vi.fn(() => Promise.resolve(summary)),
  dataURLsFor: vi.fn(),
};
vi.mock('../../lib/db/repo', () => repo);
vi.mock('../../lib/notify/notify', () => ({ notify: vi.fn() }));
vi.mock('../conversations/params-writer', () => ({ flushParams: () => Promise.resolve() }));
const open = vi.fn();
vi.mock('../conversations/workspace-store', () => ({ useWorkspaceStore: { getState: () => ({ open }) } }));
const setActive = vi.fn();
const reference = { id: 'reference', name: 'Reference', baseURL: 'http://x/v1', headers: {}, keyPersistence: 'device', createdAt: 1 };
vi.mock('../endpoints/endpoints-store', () => ({
  REFERENCE_ENDPOINT_ID: 'reference',
  useEndpointsStore: { getState: () => ({ endpoints: [reference], activeId: 'reference', setActive }), setState: vi.fn() },
}));

const { openedShareLink, saveShared, shareLinkFor } = await import('./share-actions');
const { clearShareLink, hasShareLink, pageAddress, subscribeAddress } = await import('./share-url');

const APP = 'https://play.example/app/?theme=dark';
let page: { href: string; hash: string; pathname: string; search: string };
const replaceState = vi.fn();
const listeners = new Set<() => void>();

function goTo(href: string): void {
  const url = new URL(href);
  page = { href, hash: url.hash, pathname: url.pathname, search: url.search };
}

beforeEach(() => {
  vi.clearAllMocks();
  listeners.clear();
  goTo(APP);
  vi.stubGlobal('window', {
    get location() {
      return page;
    },
    history: { replaceState },
    addEventListener: (type: string, l: () => void) => type === 'hashchange' && listeners.add(l),
    removeEventListener: (type: string, l: () => void) => type === 'hashchange' && listeners.delete(l),
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('share-url', () => {
  it('sees a share link in the fragment only', () => {
    expect(hasShareLink()).toBe(false);
    goTo(`${APP}#share=abc`);
    expect(hasShareLink()).toBe(true);
    goTo(`${APP}#theme&share=`);
    expect(hasShareLink()).toBe(true);
    goTo(`https://play.example/?share=abc`);
    expect(hasShareLink()).toBe(false);
    expect(pageAddress()).toBe('https://play.example/?share=abc');
  });

  it('clears the fragment without a history entry, keeping the path and query', () => {
    goTo(`${APP}#share=abc`);
    clearShareLink();
    expect(replaceState).toHaveBeenCalledWith(null, '', '/app/?theme=dark');
  });

  it('follows fragment changes until unsubscribed', () => {
    const seen = vi.fn();
    const stop = subscribeAddress(seen);
    for (const l of listeners) l();
    stop();
    expect(listeners.size).toBe(0);
    expect(seen).toHaveBeenCalledTimes(1);
  });
});

describe('share actions', () => {
  it('a link to the open conversation is this page without its fragment, and opens back to the same conversation', async () => {
    goTo(`${APP}#share=old`);
    const link = await shareLinkFor(bundle.conversation.id);
    expect(repo.readForExport).toHaveBeenCalledTimes(1);
    expect(link.url.startsWith(`${APP}#share=`)).toBe(true);
    expect(link.url).not.toContain('share=old');

    goTo(link.url);
    const opened = openedShareLink();
    expect(opened.status).toBe('ok');
    if (opened.status !== 'ok') return;
    expect(opened.value.conversations[0]!.conversation.title).toBe(bundle.conversation.title);
  });

  it('reads nothing from an address without a link, and a precise error from a damaged one', () => {
    expect(openedShareLink()).toEqual({ status: 'none' });
    goTo(`${APP}#share=!!!`);
    expect(openedShareLink().status).toBe('error');
  });

  it('saves what a link brought through the import path, opening it when asked', async () => {
    goTo(encodeShareLink(APP, bundle, blobs).url);
    const opened = openedShareLink();
    if (opened.status !== 'ok') throw new Error('the link did not open');
    expect(await saveShared(opened.value, false)).toBe(true);
    expect(repo.writeRestored).toHaveBeenCalledTimes(1);
    expect(open).not.toHaveBeenCalled();
    expect(await saveShared(opened.value, true)).toBe(true);
    expect(open).toHaveBeenCalledWith(bundle.conversation.id);
    expect(setActive).toHaveBeenCalledWith('reference');
  });

  it('says so when saving failed', async () => {
    goTo(encodeShareLink(APP, bundle, blobs).url);
    const opened = openedShareLink();
    if (opened.status !== 'ok') throw new Error('the link did not open');
    repo.writeRestored.mockRejectedValueOnce(new Error('quota'));
    expect(await saveShared(opened.value, true)).toBe(false);
    expect(open).not.toHaveBeenCalled();
  });
});
