// Run: npx tsx libs/conversation/src/examples/conversation.example.ts (TSX_TSCONFIG_PATH=tsconfig.base.json)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogProjection, importCatalogTracks, serveCatalogQueries } from '@qfzz/catalog';
import { SqliteEventStore } from '@qfzz/event-store';
import { InProcessQueryBus } from '@qfzz/messaging';
import {
  serveProfileQueries,
  SqliteProfileReadModels,
  TasteProfileProjection,
} from '@qfzz/profile-projection';
import { ConversationService } from '../conversationService';

export async function conversationExample(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'qfzz-dj-'));
  const store = new SqliteEventStore({ file: join(dir, 'qfzz.db') });
  const readModels = new SqliteProfileReadModels(join(dir, 'read-models.db'));
  const bus = new InProcessQueryBus();

  // The catalog and the profile answer on the bus; the recommender and trust service are not running,
  // so the DJ talks without offering tracks.
  const catalog = new CatalogProjection(store).start();
  const { position } = await importCatalogTracks(store, [
    { trackId: 'one-more-time', title: 'One More Time', artist: 'Daft Punk', genre: 'edm', energy: 0.9 },
  ]);
  await catalog.waitFor(position);
  await serveCatalogQueries(bus, catalog.index);
  await serveProfileQueries(bus, new TasteProfileProjection(store, readModels.live()));

  const dj = new ConversationService({ store, queryBus: bus });
  const lines: string[] = [];
  for (const text of ["I'm in a great mood", 'maybe some electronic?']) {
    const { reply, djName, understood } = await dj.interact({ listenerId: 'ada', text });
    lines.push(`${text} -> ${JSON.stringify(understood)} ${djName}: ${reply}`);
  }
  lines.push(`greeting: ${(await dj.greet({ listenerId: 'ada' })).text}`);

  await catalog.stop();
  await readModels.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return lines;
}

if (require.main === module)
  void conversationExample().then((lines) => lines.forEach((line) => console.log(line)));
