import { writeFileSync } from 'node:fs';

/** One line of bench-results.json. */
export interface BenchResult {
  name: string;
  n: number;
  p50_ms: number;
  p95_ms: number;
  /** The p95 this entry must stay under on the reference machine, when it has one. */
  target_p95_ms?: number;
  /** A target on the median instead, for whole-process timings whose tail is the machine's, not ours (cli.cold). */
  target_p50_ms?: number;
}

/** A size measured by a bench (the feed on disk): reported beside the timings. */
export interface SizeResult {
  name: string;
  entries: number;
  bytes: number;
  file_bytes: number;
}

/** What a bench module measured: timings, and sizes for the modules that measure one. */
export interface BenchOutput {
  results: BenchResult[];
  sizes?: SizeResult[];
}

/** Nearest-rank percentile of samples in milliseconds (p in 0..100). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

export function summarize(name: string, samples: readonly number[], targetP95Ms?: number): BenchResult {
  return {
    name,
    n: samples.length,
    p50_ms: round(percentile(samples, 50)),
    p95_ms: round(percentile(samples, 95)),
    ...(targetP95Ms !== undefined ? { target_p95_ms: targetP95Ms } : {}),
  };
}

/** Times `run` n times (after `warmup` untimed runs) and returns the samples in ms. */
export async function sample(n: number, run: (i: number) => unknown | Promise<unknown>, warmup = Math.min(20, n)): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await run(i);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await run(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

export function meetsTarget(result: BenchResult): boolean {
  return (result.target_p95_ms === undefined || result.p95_ms <= result.target_p95_ms) && (result.target_p50_ms === undefined || result.p50_ms <= result.target_p50_ms);
}

export function formatTable(results: readonly BenchResult[]): string {
  const rows = [
    ['name', 'n', 'p50 ms', 'p95 ms', 'target p95', ''],
    ...results.map((r) => [
      r.name,
      String(r.n),
      r.p50_ms.toFixed(3),
      r.p95_ms.toFixed(3),
      r.target_p95_ms !== undefined ? `<= ${r.target_p95_ms}` : r.target_p50_ms !== undefined ? `p50 <= ${r.target_p50_ms}` : '',
      r.target_p95_ms === undefined && r.target_p50_ms === undefined ? '' : meetsTarget(r) ? 'ok' : 'MISSED',
    ]),
  ];
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  return rows.map((row) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  ')).join('\n');
}

/** A `<name>.x<N>` entry beside its 1× entry of the same run: how the cost grows with the centre. */
export interface ScaleRatio {
  name: string;
  factor: number;
  base_p50_ms: number;
  base_p95_ms: number;
  scaled_p50_ms: number;
  scaled_p95_ms: number;
  /** scaled p95 / 1× p95; null when the run has no 1× entry of that name. */
  ratio_p95: number | null;
}

export function scaleRatios(results: readonly BenchResult[], factor: number): ScaleRatio[] {
  const suffix = `.x${factor}`;
  return results
    .filter((r) => r.name.endsWith(suffix))
    .map((scaled) => {
      const name = scaled.name.slice(0, -suffix.length);
      const base = results.find((r) => r.name === name);
      return {
        name,
        factor,
        base_p50_ms: base?.p50_ms ?? NaN,
        base_p95_ms: base?.p95_ms ?? NaN,
        scaled_p50_ms: scaled.p50_ms,
        scaled_p95_ms: scaled.p95_ms,
        ratio_p95: base && base.p95_ms > 0 ? Math.round((scaled.p95_ms / base.p95_ms) * 100) / 100 : null,
      };
    });
}

/** The ratio view: one line per scaled entry, its 1× and N× p50/p95 and the p95 ratio. */
export function formatRatioTable(ratios: readonly ScaleRatio[]): string {
  const ms = (v: number) => (Number.isNaN(v) ? '—' : v.toFixed(3));
  const rows = [
    ['name', '1× p50', '1× p95', 'N× p50', 'N× p95', 'ratio p95'],
    ...ratios.map((r) => [`${r.name} ×${r.factor}`, ms(r.base_p50_ms), ms(r.base_p95_ms), ms(r.scaled_p50_ms), ms(r.scaled_p95_ms), r.ratio_p95 === null ? '—' : `${r.ratio_p95.toFixed(2)}×`]),
  ];
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  return rows.map((row) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  ')).join('\n');
}

/** Writes `{ "results": [...], "sizes": [...] }`: every bench module's entries of this run. */
export function writeResults(path: string, results: readonly BenchResult[], sizes: readonly SizeResult[] = [], ratios?: readonly ScaleRatio[]): void {
  writeFileSync(path, `${JSON.stringify({ results, sizes, ...(ratios ? { ratios } : {}) }, null, 2)}\n`);
}
