/**
 * Offline evaluation on Last.fm 2K: every model side by side, several seeds.
 *
 *   TSX_TSCONFIG_PATH=tsconfig.base.json node --import tsx tools/eval-lastfm/main.ts --seeds 1,2,3
 *
 * Reads the data from ../shared/data/lastfm-2k (or QFZZ_LASTFM_DIR), prints
 * progress and the table, and writes it to docs/benchmarks/lastfm-eval.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { benchmarkReport } from './benchmarkReport';
import { markdownTable, ratioPerSeed, summarise } from './benchmarkTable';
import { lastfmDir, workspaceRoot } from './lastfmDir';
import { loadLastfm } from './loadLastfm';
import { runEvaluation } from './runEvaluation';

const K = 10;
const REFERENCE = 'ItemKNN';
const OURS = ['TasteRanker (no friends)', 'TasteRanker (friends)', 'TasteRanker (friends, accuracy only)'];

/** `--seeds 1,2,3` (default 1,2,3). */
export function parseSeeds(argv: readonly string[]): number[] {
  const at = argv.indexOf('--seeds');
  const raw = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--seeds='))?.slice('--seeds='.length);
  if (raw === undefined) return [1, 2, 3];
  const seeds = raw.split(',').map((s) => Number(s.trim()));
  if (seeds.length === 0 || seeds.some((s) => !Number.isInteger(s)))
    throw new Error(`--seeds wants integers like 1,2,3, got "${raw}"`);
  return seeds;
}

function main(): void {
  const started = performance.now();
  const seeds = parseSeeds(process.argv.slice(2));
  const dir = lastfmDir();
  console.log(`Loading Last.fm 2K from ${dir}`);
  const dataset = loadLastfm(dir);
  console.log(
    `${dataset.userIds.length} users, ${dataset.artistIds.length} artists, ${dataset.interactions.length} pairs; seeds ${seeds.join(', ')}`,
  );
  const runs = runEvaluation(dataset, { seeds, k: K, onProgress: (m) => console.log(m) });
  const seconds = (performance.now() - started) / 1000;

  console.log('\n' + markdownTable(summarise(runs), K) + '\n');
  for (const reference of [REFERENCE, 'ItemKNN (k=400)'])
    for (const model of OURS) {
      const ratios = ratioPerSeed(runs, model, reference);
      console.log(`${model} / ${reference} NDCG@${K}: ${ratios.map((r) => r.toFixed(3)).join(', ')}`);
    }

  const out = path.join(workspaceRoot(), 'docs', 'benchmarks', 'lastfm-eval.md');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(
    out,
    benchmarkReport(runs, {
      date: new Date().toISOString().slice(0, 10),
      seeds,
      k: K,
      users: dataset.userIds.length,
      artists: dataset.artistIds.length,
      interactions: dataset.interactions.length,
      seconds,
      reference: REFERENCE,
      alsoAgainst: ['ItemKNN (k=400)'],
      ours: OURS,
    }),
  );
  console.log(`\nWrote ${path.relative(workspaceRoot(), out)} in ${seconds.toFixed(0)} s total`);
}

if (require.main === module) main();
