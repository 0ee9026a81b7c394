export type CatalogFormat = 'tidytuesday' | 'musicoset';

export interface ImportArgs {
  format: CatalogFormat;
  /** Where the SQLite log lives: `<dataDir>/qfzz.db`. */
  dataDir: string;
  /** TidyTuesday: CSV files (or folders of them), in order. MusicOSet: one folder. */
  files: string[];
  chunkSize?: number;
  /** Parse and validate only; write nothing. */
  dryRun: boolean;
}

export const USAGE = `Usage: catalog-import --format tidytuesday|musicoset [--data-dir DIR] [--chunk-size N] [--dry-run] FILES...

  --format      tidytuesday: CSV files read by header name (or folders holding them)
                musicoset:   one folder with songs.csv, acoustic_features.csv, artists.csv
  --data-dir    where the log is kept (<dir>/qfzz.db); default $QFZZ_DATA_DIR or ./data
  --chunk-size  tracks per TracksAddedToCatalog event (default 1000)
  --dry-run     read and validate, print the summary, write nothing`;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ImportArgs {
  let format: string | undefined;
  let dataDir = env['QFZZ_DATA_DIR'] || './data';
  let chunkSize: number | undefined;
  let dryRun = false;
  const files: string[] = [];
  for (let at = 0; at < argv.length; at++) {
    const arg = argv[at];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => {
      const next = inline ?? argv[++at];
      if (next === undefined || (inline === undefined && next.startsWith('--')))
        throw new UsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--format':
        format = value();
        break;
      case '--data-dir':
        dataDir = value();
        break;
      case '--chunk-size': {
        const raw = value();
        chunkSize = Number(raw);
        if (!Number.isInteger(chunkSize) || chunkSize < 1)
          throw new UsageError(`--chunk-size wants a whole number >= 1, got "${raw}"`);
        break;
      }
      case '--dry-run':
        dryRun = true;
        break;
      case '--help':
      case '-h':
        throw new UsageError('');
      default:
        if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
        files.push(arg);
    }
  }
  if (format !== 'tidytuesday' && format !== 'musicoset')
    throw new UsageError(
      format === undefined
        ? '--format is required'
        : `unknown --format "${format}" (tidytuesday or musicoset)`,
    );
  if (files.length === 0)
    throw new UsageError('name the files (tidytuesday) or the folder (musicoset) to import');
  if (format === 'musicoset' && files.length !== 1)
    throw new UsageError('musicoset wants exactly one folder');
  return { format, dataDir, files, chunkSize, dryRun };
}
