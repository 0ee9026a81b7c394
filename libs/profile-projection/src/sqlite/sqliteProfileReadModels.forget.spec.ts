import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initialTasteProfile } from '@qfzz/domain';
import { SqliteProfileReadModels } from './sqliteProfileReadModels';

describe('deleting a profile from the SQLite read model', () => {
  it('leaves none of its text in the database files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qfzz-forget-rm-'));
    const models = new SqliteProfileReadModels(join(dir, 'read-models.db'));
    const secret = 'Zanzibar Velvet Orchestra';
    const profile = { ...initialTasteProfile('ada', '2026-01-01T00:00:00.000Z'), artists: { [secret]: 0.9 } };
    await models.live().putMany([{ listenerId: 'ada', profile, version: 1, position: 1 }]);
    await models.live().delete('ada');
    await models.close();
    const bytes = readdirSync(dir).map((file) => readFileSync(join(dir, file)).toString('latin1'));
    expect(bytes.some((text) => text.includes(secret))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});
