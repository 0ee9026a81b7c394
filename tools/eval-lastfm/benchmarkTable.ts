import type { EvaluationResult } from '@qfzz/recsys';
import type { SeedRun } from './runEvaluation';

/** One model's metrics averaged over seeds, with the spread of NDCG across them. */
export interface ModelSummary {
  model: string;
  ndcg: number;
  ndcgMin: number;
  ndcgMax: number;
  hitRate: number;
  recall: number;
  precision: number;
  coverage: number;
  /** Mean seconds per seed for fit + ranking every user. */
  seconds: number;
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** Averages each model's metrics over the seeds, in the line-up's order. */
export function summarise(runs: readonly SeedRun[]): ModelSummary[] {
  const byModel = new Map<string, EvaluationResult[]>();
  for (const run of runs)
    for (const r of run.results) byModel.set(r.model, [...(byModel.get(r.model) ?? []), r]);
  return [...byModel.entries()].map(([model, rs]) => ({
    model,
    ndcg: mean(rs.map((r) => r.ndcg)),
    ndcgMin: Math.min(...rs.map((r) => r.ndcg)),
    ndcgMax: Math.max(...rs.map((r) => r.ndcg)),
    hitRate: mean(rs.map((r) => r.hitRate)),
    recall: mean(rs.map((r) => r.recall)),
    precision: mean(rs.map((r) => r.precision)),
    coverage: mean(rs.map((r) => r.coverage)),
    seconds: mean(rs.map((r) => (r.fitMs + r.recommendMs) / 1000)),
  }));
}

/** Each model's NDCG divided by the reference model's, per seed (the "≥ 1.2× ItemKNN" check). */
export function ratioPerSeed(runs: readonly SeedRun[], model: string, reference: string): number[] {
  return runs.map((run) => {
    const m = run.results.find((r) => r.model === model);
    const ref = run.results.find((r) => r.model === reference);
    return m && ref && ref.ndcg > 0 ? m.ndcg / ref.ndcg : NaN;
  });
}

const f4 = (x: number): string => x.toFixed(4);

/** The side-by-side table as markdown (also readable as plain text in a terminal). */
export function markdownTable(summaries: readonly ModelSummary[], k: number): string {
  const header = `| model | NDCG@${k} (min–max) | HR@${k} | recall@${k} | precision@${k} | coverage | s/seed |`;
  const rule = '| --- | --- | --- | --- | --- | --- | --- |';
  const rows = summaries.map(
    (s) =>
      `| ${s.model} | ${f4(s.ndcg)} (${f4(s.ndcgMin)}–${f4(s.ndcgMax)}) | ${f4(s.hitRate)} | ${f4(s.recall)} | ` +
      `${f4(s.precision)} | ${f4(s.coverage)} | ${s.seconds.toFixed(1)} |`,
  );
  return [header, rule, ...rows].join('\n');
}
