import './registerPaths';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseProjection, replay, UsageError } from './replayCommand';

const USAGE = `qfzz — the qfzz command line

  qfzz replay [--projection taste-profiles] [--data-dir ./data]
      Rebuild a projection from the whole log (blue-green) with live progress.

Settings: QFZZ_DATA_DIR is the default for --data-dir.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'replay') {
    const { values } = parseArgs({
      args: rest,
      options: { projection: { type: 'string' }, 'data-dir': { type: 'string' } },
      strict: true,
    });
    const dataDir = resolve(values['data-dir'] ?? process.env.QFZZ_DATA_DIR ?? './data');
    const report = await replay(dataDir, parseProjection(values.projection));
    console.log(JSON.stringify(report));
    return 0;
  }
  throw new UsageError(`unknown command "${command}"`);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    const usage =
      error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    console.error(`qfzz: ${(error as Error).message}${usage ? `\n\n${USAGE}` : ''}`);
    process.exit(usage ? 2 : 1);
  },
);
