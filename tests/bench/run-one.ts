import { writeFileSync } from 'node:fs';
import { benches } from './benches';

/** One bench module in a process of its own (the parent, run.ts, collects the results from `out`). */
const [name = '', out = ''] = process.argv.slice(2);
const bench = benches[name];
if (!bench) throw new Error(`no bench named ${name}`);
const output = await bench((line) => process.stdout.write(`[${name}] ${line}\n`));
writeFileSync(out, JSON.stringify(Array.isArray(output) ? { results: output } : output));
