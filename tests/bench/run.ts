import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benches } from './benches';
import type { BenchOutput, BenchResult, SizeResult } from './stats';
import { formatRatioTable, formatTable, meetsTarget, scaleRatios, writeResults } from './stats';

// `--scale N`: after the normal modules, the `scale` module seeds N× the centre and re-measures on it.
const scaleArg = process.argv.indexOf('--scale');
const scale = scaleArg === -1 ? null : Number(process.argv[scaleArg + 1]);
if (scale !== null && !(Number.isInteger(scale) && scale >= 1)) throw new Error('--scale wants a whole number >= 1, e.g. --scale 10');

// Each module runs in a fresh process: one module's heap (100,000 clients) must not slow the next.
const dir = mkdtempSync(join(tmpdir(), 'mostrador-bench-results-'));
const results: BenchResult[] = [];
const sizes: SizeResult[] = [];
try {
  for (const name of [...Object.keys(benches).filter((n) => n !== 'scale'), ...(scale === null ? [] : ['scale'])]) {
    process.stdout.write(`[${name}] running…\n`);
    const out = join(dir, `${name}.json`);
    const env = scale === null ? process.env : { ...process.env, MOSTRADOR_BENCH_SCALE: String(scale) };
    // The scale seed holds a million clients' ids and 1.5 million booking pairs: room beyond the default heap.
    const heap = name === 'scale' ? ['--max-old-space-size=8192'] : [];
    const run = spawnSync(process.execPath, [...process.execArgv, ...heap, join(import.meta.dirname, 'run-one.ts'), name, out], { stdio: 'inherit', env });
    if (run.status !== 0) throw new Error(`bench ${name} failed (exit ${run.status})`);
    const output = JSON.parse(readFileSync(out, 'utf8')) as BenchOutput;
    results.push(...output.results);
    sizes.push(...(output.sizes ?? []));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const path = join(import.meta.dirname, '../../bench-results.json');
const ratios = scale === null ? undefined : scaleRatios(results, scale);
writeResults(path, results, sizes, ratios);
const sizeLines = sizes.map((s) => `${s.name}: ${s.entries.toLocaleString('en')} entries, ${(s.bytes / 1e6).toFixed(1)} MB (file ${(s.file_bytes / 1e6).toFixed(1)} MB)`);
process.stdout.write(`\n${formatTable(results)}\n${sizeLines.map((l) => `\n${l}`).join('')}\n${ratios ? `\n${formatRatioTable(ratios)}\n` : ''}\nwritten to ${path}\n`);
const missed = results.filter((r) => !meetsTarget(r));
if (missed.length > 0) {
  process.stdout.write(`targets missed: ${missed.map((r) => r.name).join(', ')}\n`);
  process.exitCode = 1;
}
