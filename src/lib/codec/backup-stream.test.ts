import { describe, expect, it } from 'vitest';
import { cellId, emptyCell } from '../../domain/grid';
import { writeBackup } from './backup-stream';
import type { ConversationBundle } from './format';
import { restore } from './restore';
import { richBundle } from './test-fixtures';

async function* each<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield await Promise.resolve(item);
}

function withGrid(bundle: ConversationBundle): ConversationBundle {
  const id = bundle.conversation.id;
  const cell = { ...emptyCell(id, 'r1', 'c1', 5), status: 'done' as const, text: 'Paris', cost: 0.002, request: { model: 'm' } };
  return {
    ...bundle,
    grid: {
      grid: {
        conversationId: id,
        rows: [{ id: 'r1', values: { city: 'France' }, expected: 'Paris' }],
        configs: [{ id: 'c1', endpointId: 'reference', model: 'ref-chat', overrides: '{}' }],
        concurrency: 2,
        updatedAt: 9,
      },
      cells: [cell],
    },
  };
}

describe('the streamed backup', () => {
  it('re-imports exactly: conversations, grids, binaries and settings', async () => {
    const one = richBundle('conv-1');
    const two = richBundle('conv-2');
    const bundles = [withGrid(one.bundle), two.bundle];
    const blobs = new Map([...one.blobs, ...two.blobs]);
    const settings = { paramPresets: { state: { presets: [] }, version: 1 } };
    const written = await writeBackup({
      exportedAt: new Date(0),
      settings,
      conversations: each(bundles),
      readBlob: (id) => Promise.resolve(blobs.get(id)),
    });
    expect(written).toMatchObject({ conversations: 2, blobs: blobs.size });
    const result = restore(await written.file.text());
    if (!result.ok) throw new Error(result.error.message);
    // The endpoint profile is chosen by the importer (the file names a server, not a profile id).
    expect(result.value.conversations).toEqual(bundles.map((b) => ({ ...b, conversation: { ...b.conversation, endpointId: null } })));
    expect(result.value.blobs).toEqual(blobs);
    expect(result.value.settings).toEqual(settings);
    expect(result.value.conversations[0]!.grid!.cells[0]!.id).toBe(cellId('conv-1', 'r1', 'c1'));
  });

  it('is written in pieces, not one string: a large library ends as a Blob of many parts that still parses', async () => {
    const big = Array.from({ length: 40 }, (_, i) => {
      const { bundle } = richBundle(`big-${i}`);
      bundle.messages[0]!.content = [{ type: 'text', text: 'x'.repeat(200_000) }];
      return bundle;
    });
    const written = await writeBackup({
      exportedAt: new Date(0),
      settings: null,
      conversations: each(big),
      readBlob: () => Promise.resolve(undefined),
    });
    expect(written.file.size).toBeGreaterThan(8_000_000);
    const text = await written.file.text();
    expect(JSON.parse(text)).toMatchObject({ format: 'chat-playground', version: 2 });
    expect(text).not.toContain('"settings"');
  });

  it('a cell that names a row its grid does not have is refused with its path', async () => {
    const bundle = withGrid(richBundle('conv-1').bundle);
    bundle.grid!.cells[0]!.rowId = 'ghost';
    const written = await writeBackup({
      exportedAt: new Date(0),
      settings: null,
      conversations: each([bundle]),
      readBlob: (id) => Promise.resolve(richBundle('conv-1').blobs.get(id)),
    });
    const result = restore(await written.file.text());
    expect(result.ok ? null : result.error.path).toBe('conversations[0].grid.cells[0].rowId');
  });
});
