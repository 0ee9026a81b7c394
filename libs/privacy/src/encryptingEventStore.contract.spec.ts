import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@qfzz/event-store';
// The shared contract every EventStore adapter passes. @qfzz/event-store does not export it (test
// support, not API), so it is imported by path until it is offered as `@qfzz/event-store/testing`.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { describeEventStoreContract } from '../../event-store/src/contract/eventStore.contract';
import { EncryptingEventStore, type EncryptingEventStoreOptions } from './encryptingEventStore';
import { SqliteDataKeyStore } from './keys/sqliteDataKeyStore';

const dirs: string[] = [];
const keyStores = new Map<unknown, SqliteDataKeyStore>();
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The contract over a fresh SQLite log and key store, with these sealing options. */
function describeOverSqlite(name: string, options: Partial<EncryptingEventStoreOptions> = {}) {
  describeEventStoreContract(
    name,
    async (gate) => {
      const dir = mkdtempSync(join(tmpdir(), 'qfzz-encrypting-contract-'));
      dirs.push(dir);
      const keys = new SqliteDataKeyStore(join(dir, 'keys.db'));
      const log = new SqliteEventStore({ file: join(dir, 'qfzz.db'), hooks: gate.hooks });
      const store = new EncryptingEventStore(log, { keys, ...options });
      keyStores.set(store, keys);
      return store;
    },
    async (store) => {
      await store.close();
      await keyStores.get(store)?.close();
    },
  );
}

describeOverSqlite('EncryptingEventStore over SQLite');
// The same contract with every append sealed on the sealing thread (bulk imports take that path).
describeOverSqlite('EncryptingEventStore over SQLite, sealing on a thread', { sealOnThreadFrom: 1 });
