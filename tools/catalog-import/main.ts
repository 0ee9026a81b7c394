/**
 * Imports a Spotify-style track catalog into the qfzz log.
 *
 *   TSX_TSCONFIG_PATH=tsconfig.base.json node --import tsx tools/catalog-import/main.ts \
 *     --format tidytuesday --data-dir ./data ../shared/data/tracks/tidytuesday-spotify-songs/*.csv
 *
 * Progress goes to stderr, the summary (with the first 20 rejected rows) to
 * stdout. Exit code 0 on success (rejected rows included), 1 when the import
 * failed, 2 on a usage error.
 */
import { parseArgs, USAGE, UsageError } from './args';
import { runCatalogImport } from './runCatalogImport';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) process.stderr.write(`catalog-import: ${error.message}\n\n`);
    process.stderr.write(`${USAGE}\n`);
    return error.message ? 2 : 0;
  }
  try {
    await runCatalogImport(args, { stdout: process.stdout, stderr: process.stderr });
    return 0;
  } catch (error) {
    process.stderr.write(
      `\ncatalog-import failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
