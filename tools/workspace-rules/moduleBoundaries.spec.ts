import { execFile } from 'node:child_process';
import { join } from 'node:path';

// Lints made-up files at real paths of the workspace, so the module-boundary
// rule judges them as if they were part of those projects. ESLint runs as its
// own process, exactly as `nx lint` runs it.
const root = join(__dirname, '../..');
// Each case starts ESLint (and Nx's project graph) in its own process: seconds, more on a busy machine.
jest.setTimeout(60_000);
const eslintBin = join(root, 'node_modules/eslint/bin/eslint.js');

function boundaryErrors(projectFile: string, code: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [eslintBin, '--stdin', '--stdin-filename', projectFile, '--format', 'json'],
      { cwd: root, env: { ...process.env, NX_DAEMON: 'false' } },
      (error, stdout, stderr) => {
        try {
          const [result] = JSON.parse(stdout) as { messages: { ruleId: string | null; message: string }[] }[];
          resolve(
            result.messages
              .filter(
                (m) => m.ruleId === '@nx/enforce-module-boundaries' || m.ruleId === 'no-restricted-imports',
              )
              .map((m) => m.message),
          );
        } catch {
          reject(new Error(`eslint did not report: ${error?.message ?? ''}\n${stderr}`));
        }
      },
    );
    child.stdin?.end(code);
  });
}

describe('module boundaries', () => {
  it.each(['mongoose', 'nats', 'ioredis', 'better-sqlite3', '@nestjs/common'])(
    'keep the pure domain library free of %s',
    async (banned) => {
      const errors = await boundaryErrors(
        'libs/domain/src/boundaryProbe.ts',
        `import * as io from '${banned}';\nexport const probe = io;\n`,
      );
      expect(errors.join('\n')).toContain(`tagged with "type:pure" is not allowed to import "${banned}"`);
    },
  );

  it.each(['node:fs', 'fs', 'node:net', 'node:child_process'])(
    'keep the pure domain library from doing I/O with %s',
    async (io) => {
      const errors = await boundaryErrors(
        'libs/domain/src/boundaryProbe.ts',
        `import * as io from '${io}';\nexport const probe = io;\n`,
      );
      expect(errors.join('\n')).toMatch(/Pure libraries do no I\/O/);
    },
  );

  it('keep pure libraries from depending on adapters', async () => {
    const errors = await boundaryErrors(
      'libs/domain/src/boundaryProbe.ts',
      `import { startRedis } from '@qfzz/testing';\nexport const probe = startRedis;\n`,
    );
    expect(errors.join('\n')).toMatch(
      /tagged with "type:pure" can only depend on libs tagged with "type:pure"/,
    );
  });

  it('let adapters use their I/O clients and the pure libraries', async () => {
    const errors = await boundaryErrors(
      'libs/event-store/src/boundaryProbe.ts',
      `import Database from 'better-sqlite3';\nimport { GENESIS_HASH } from '@qfzz/domain';\nexport const probe = [Database, GENESIS_HASH];\n`,
    );
    expect(errors).toEqual([]);
  });

  it('let the pure domain library use node:crypto for hashing', async () => {
    const errors = await boundaryErrors(
      'libs/domain/src/boundaryProbe.ts',
      `import { createHash } from 'node:crypto';\nexport const probe = createHash;\n`,
    );
    expect(errors).toEqual([]);
  });
});
