import { SCHEMA_VERSION } from './names';
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { textContent } from '../../domain/messages';
import { defaultRequestParams } from '../../domain/params';
import type { Conversation, Message } from '../../domain/types';
import { FIRST_ROWS, readBoot } from './boot-read';
import { readSummaries } from './library-list';
import { listMessages } from './messages-repo';
import { PlaygroundDB, setDb, V1_STORES } from './schema';

const params = defaultRequestParams('ref-chat');

function conversation(i: number, fields: Partial<Conversation> = {}): Conversation {
  return {
    id: `c${i}`,
    title: `Conversation ${i}`,
    createdAt: i,
    updatedAt: 1000 + i,
    currentLeafId: null,
    params,
    endpointId: null,
    tags: [],
    ...fields,
  };
}

function message(i: number, conversationId: string, parentId: string | null): Message {
  return {
    id: `m${i}`,
    conversationId,
    parentId,
    role: i % 2 ? 'assistant' : 'user',
    content: textContent(`message ${i}`),
    status: 'done',
    createdAt: 5000 - i,
    updatedAt: 5000 - i,
  };
}

/** A database as the app writes it: more conversations than the first screen, pins (one older than it), tags. */
async function seeded(name: string): Promise<PlaygroundDB> {
  const d = new PlaygroundDB(name);
  await d.open();
  const rows = Array.from({ length: FIRST_ROWS + 40 }, (_, i) => conversation(i));
  rows[3] = conversation(3, { pinnedAt: 9000, tags: ['ideas', 'work'] }); // stored normalized (sorted), as setTags writes them
  rows[10] = conversation(10, { pinnedAt: 8000 }); // older than the first screen
  rows[95] = conversation(95, { tags: ['work'] });
  await d.conversations.bulkPut(rows);
  // Stored out of order: the conversation reads oldest first by createdAt.
  await d.messages.bulkPut([message(3, 'c95', 'm4'), message(5, 'c95', null), message(4, 'c95', 'm5'), message(6, 'c7', null)]);
  return d;
}

const sortById = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

describe('reading the first screen without the database library', () => {
  it('reads the same first rows and open conversation as the repositories do', async () => {
    const name = `boot-${Math.random()}`;
    const d = await seeded(name);
    setDb(d);
    const boot = await readBoot('c95', name);
    expect(boot).not.toBeNull();
    expect(boot!.summaries).toEqual(await readSummaries(FIRST_ROWS));
    expect(boot!.summaries.map((s) => s.id)).toContain('c10');
    expect(boot!.summaries.find((s) => s.id === 'c3')).toMatchObject({ pinnedAt: 9000, tags: ['ideas', 'work'] });
    expect(boot!.active?.conversation).toEqual(await d.conversations.get('c95'));
    expect(boot!.active?.messages).toEqual(await listMessages('c95'));
    expect(boot!.active?.messages.map((m) => m.id)).toEqual(['m5', 'm4', 'm3']);
    expect(sortById(await readSummaries())).toEqual(
      sortById(
        (await d.conversations.toArray()).map(({ id, title, updatedAt, pinnedAt, tags }) => ({
          id,
          title,
          updatedAt,
          ...(pinnedAt ? { pinnedAt } : {}),
          ...(tags?.length ? { tags } : {}),
        })),
      ),
    );
    d.close();
  });

  it('an open conversation that no longer exists reads as missing', async () => {
    const name = `boot-${Math.random()}`;
    const d = await seeded(name);
    const boot = await readBoot('gone', name);
    expect(boot?.active).toEqual({ id: 'gone', conversation: null, messages: [] });
    d.close();
  });

  it('no database yet: an empty first screen, and nothing is created', async () => {
    const name = `boot-${Math.random()}`;
    expect(await readBoot(null, name)).toEqual({ summaries: [], active: null });
    expect(await Dexie.exists(name)).toBe(false);
    // The app's own open then creates it as usual.
    const d = new PlaygroundDB(name);
    await d.open();
    expect(d.verno).toBe(SCHEMA_VERSION);
    d.close();
  });

  it('a database of another schema version is left to the database code (upgrade or refusal)', async () => {
    const name = `boot-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores(V1_STORES);
    await old.open();
    old.close();
    expect(await readBoot(null, name)).toBeNull();
  });

  it('closes its connection, so it never blocks an upgrade', async () => {
    const name = `boot-${Math.random()}`;
    const d = await seeded(name);
    d.close();
    await readBoot('c95', name);
    const upgrade = new Dexie(name);
    upgrade.version(3).stores({ conversations: 'id, updatedAt, pinnedAt, *tags, [updatedAt+title]', extra: 'id' });
    let blocked = false;
    upgrade.on('blocked', () => void (blocked = true));
    await upgrade.open();
    expect(blocked).toBe(false);
    upgrade.close();
  });
});
