import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benches } from './benches';
import type { BenchOutput, BenchResult, SizeResult } from './stats';
import { formatTable, meetsTarget, writeResults } from './stats';

// Each module runs in a fresh process: one module's heap (100,000 clients) must not slow the next.
const dir = mkdtempSync(join(tmpdir(), 'mostrador-bench-results-'));
const results: BenchResult[] = [];
const sizes: SizeResult[] = [];
try {
  for (const name of Object.keys(benches)) {
    process.stdout.write(`[${name}] running…\n`);
    const out = join(dir, `${name}.json`);
    const run = spawnSync(process.execPath, [...process.execArgv, join(import.meta.dirname, 'run-one.ts'), name, out], { stdio: 'inherit' });
    if (run.status !== 0) throw new Error(`bench ${name} failed (exit ${run.status})`);
    const output = JSON.parse(readFileSync(out, 'utf8')) as BenchOutput;
    results.push(...output.results);
    sizes.push(...(output.sizes ?? []));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const path = join(import.meta.dirname, '../../bench-results.json');
writeResults(path, results, sizes);
const sizeLines = sizes.map((s) => `${s.name}: ${s.entries.toLocaleString('en')} entries, ${(s.bytes / 1e6).toFixed(1)} MB (file ${(s.file_bytes / 1e6).toFixed(1)} MB)`);
process.stdout.write(`\n${formatTable(results)}\n${sizeLines.map((l) => `\n${l}`).join('')}\n\nwritten to ${path}\n`);
const missed = results.filter((r) => !meetsTarget(r));
if (missed.length > 0) {
  process.stdout.write(`targets missed: ${missed.map((r) => r.name).join(', ')}\n`);
  process.exitCode = 1;
}
