import { parseArgs, UsageError } from './args';

describe('parseArgs', () => {
  it('reads format, data dir, chunk size and files', () => {
    expect(
      parseArgs(['--format', 'tidytuesday', '--data-dir', '/d', '--chunk-size=500', 'a.csv', 'b.csv'], {}),
    ).toEqual({
      format: 'tidytuesday',
      dataDir: '/d',
      files: ['a.csv', 'b.csv'],
      chunkSize: 500,
      dryRun: false,
    });
  });

  it('defaults the data dir to QFZZ_DATA_DIR, else ./data', () => {
    expect(parseArgs(['--format', 'musicoset', 'dir'], { QFZZ_DATA_DIR: '/q' }).dataDir).toBe('/q');
    expect(parseArgs(['--format', 'musicoset', '--dry-run', 'dir'], {})).toMatchObject({
      dataDir: './data',
      dryRun: true,
    });
  });

  it.each([
    [[], '--format is required'],
    [['--format', 'jazz', 'x'], 'unknown --format "jazz" (tidytuesday or musicoset)'],
    [['--format', 'tidytuesday'], 'name the files (tidytuesday) or the folder (musicoset) to import'],
    [['--format', 'musicoset', 'a', 'b'], 'musicoset wants exactly one folder'],
    [
      ['--format', 'tidytuesday', '--chunk-size', '0', 'a'],
      '--chunk-size wants a whole number >= 1, got "0"',
    ],
    [['--format', 'tidytuesday', '--data-dir'], '--data-dir needs a value'],
    [['--format', 'tidytuesday', '--nope', 'a'], 'unknown option --nope'],
  ])('%p is a usage error: %s', (argv, message) => {
    expect(() => parseArgs(argv, {})).toThrow(new UsageError(message));
  });
});
