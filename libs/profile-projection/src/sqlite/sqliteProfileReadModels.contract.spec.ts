import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeProfileReadModelsContract } from '../contract/profileReadModels.contract';
import { SqliteProfileReadModels } from './sqliteProfileReadModels';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describeProfileReadModelsContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qfzz-read-models-'));
  dirs.push(dir);
  return new SqliteProfileReadModels(join(dir, 'read-models.db'));
});
