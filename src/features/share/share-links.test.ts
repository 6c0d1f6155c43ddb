import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportSummary } from '../../lib/db/repo';
import { richBundle } from '../../lib/codec/test-fixtures';
import { encodeShareLink } from '../../lib/codec/share-link';
import { documentToJSON, encodeDocument } from '../../lib/codec/encode';

const { bundle, blobs } = richBundle();
const summary: ImportSummary = {
  added: 1,
  updated: 0,
  unchanged: 0,
  copied: 0,
  messages: bundle.messages.length,
  conversationIds: [bundle.conversation.id],
};
const repo = {
  readForExport: vi.fn(() => Promise.resolve({ bundles: [bundle], blobs })),
  writeRestored: vi.fn((..._args: unknown[]) => Promise.resolve(summary)),
  findImportConflicts: vi.fn((): Promise<{ id: string; storedTitle: string; importedTitle: string }[]> => Promise.resolve([])),
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

const { importText, openedShareLink, saveShared, shareLinkFor } = await import('./share-actions');
const { useQuestionStore } = await import('./questions');

/** Answers the next question the import asks with the choice labelled `label` (null: Cancel), recording it. */
function answerNext(label: string | null): Promise<{ title: string; choices: string[] }> {
  return new Promise((resolve) => {
    const stop = useQuestionStore.subscribe((s) => {
      if (!s.pending) return;
      stop();
      const { question, answer } = s.pending;
      resolve({ title: question.title, choices: question.choices.map((c) => c.label) });
      answer(label === null ? null : question.choices.find((c) => c.label === label)!.value);
    });
  });
}
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
    // Made against the active endpoint: nothing to ask, nothing switched.
    expect(useQuestionStore.getState().pending).toBeNull();
    expect(setActive).not.toHaveBeenCalled();
  });

  const fromElsewhere = () => {
    const other = { ...bundle, endpoint: { baseURL: 'https://api.elsewhere.example/v1', name: 'Theirs' } };
    return documentToJSON(encodeDocument([other], blobs));
  };

  it('a conversation made against another endpoint asks before it can switch the active one; Keep runs it on mine', async () => {
    const asked = answerNext('Keep mine');
    expect((await importText(fromElsewhere())).ok).toBe(true);
    expect(await asked).toEqual({
      title: 'Which endpoint should it run against?',
      choices: ['Switch endpoint', 'Keep mine'],
    });
    const endpointFor = repo.writeRestored.mock.calls[0]![1] as (e: unknown) => string | null;
    expect(endpointFor({ baseURL: 'https://api.elsewhere.example/v1', name: 'Theirs' })).toBe('reference');
    expect(setActive).not.toHaveBeenCalled();
    expect(open).toHaveBeenCalledWith(bundle.conversation.id);
  });

  it('an endpoint that is no web address (javascript:, garbage) is not asked about and never becomes a profile', async () => {
    const { useEndpointsStore } = await import('../endpoints/endpoints-store');
    for (const baseURL of ['javascript:alert(1)', 'javascript://x.example/%0aalert(1)', 'not a url at all']) {
      const text = documentToJSON(encodeDocument([{ ...bundle, endpoint: { baseURL, name: 'x' } }], blobs));
      expect((await importText(text)).ok).toBe(true);
      const endpointFor = repo.writeRestored.mock.calls.at(-1)![1] as (e: unknown) => string | null;
      expect(endpointFor({ baseURL, name: 'x' })).toBe('reference');
    }
    expect(useQuestionStore.getState().pending).toBeNull();
    expect(useEndpointsStore.setState).not.toHaveBeenCalled();
  });

  it('a file of several conversations naming a server no profile has asks before adding one; Keep mine binds them to mine', async () => {
    const { useEndpointsStore } = await import('../endpoints/endpoints-store');
    const elsewhere = { baseURL: 'https://api.elsewhere.example/v1', name: 'Theirs' };
    const second = richBundle('conv-2');
    const two = [
      { ...bundle, endpoint: elsewhere },
      { ...second.bundle, endpoint: { baseURL: 'http://x/v1', name: 'Ref', builtIn: 'reference' as const } },
    ];
    const asked = answerNext('Keep mine');
    expect((await importText(documentToJSON(encodeDocument(two, new Map([...blobs, ...second.blobs]))))).ok).toBe(true);
    expect((await asked).choices).toEqual(['Use theirs', 'Keep mine']);
    const endpointFor = repo.writeRestored.mock.calls[0]![1] as (e: unknown) => string | null;
    expect(endpointFor(elsewhere)).toBe('reference');
    expect(endpointFor({ baseURL: 'http://x/v1', name: 'Ref', builtIn: 'reference' })).toBe('reference');
    expect(useEndpointsStore.setState).not.toHaveBeenCalled();
    expect(open).not.toHaveBeenCalled();
  });

  it('cancelling the endpoint question writes nothing', async () => {
    const asked = answerNext(null);
    expect((await importText(fromElsewhere())).ok).toBe(false);
    await asked;
    expect(repo.writeRestored).not.toHaveBeenCalled();
    expect(open).not.toHaveBeenCalled();
  });

  it('an id already taken by different content asks Keep both or Replace, and passes the answer to the write', async () => {
    const text = documentToJSON(encodeDocument([bundle], blobs));
    repo.findImportConflicts.mockResolvedValue([{ id: bundle.conversation.id, storedTitle: 'Mine', importedTitle: 'Theirs' }]);
    const asked = answerNext('Replace');
    expect((await importText(text)).ok).toBe(true);
    expect(await asked).toEqual({ title: 'This conversation is already here, with different content', choices: ['Replace', 'Keep both'] });
    expect(repo.writeRestored.mock.calls[0]![2]).toBe('replace');

    const keep = answerNext('Keep both');
    await importText(text);
    await keep;
    expect(repo.writeRestored.mock.calls[1]![2]).toBe('keep-both');

    const cancel = answerNext(null);
    expect((await importText(text)).ok).toBe(false);
    await cancel;
    expect(repo.writeRestored).toHaveBeenCalledTimes(2);
    repo.findImportConflicts.mockResolvedValue([]);
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
