/** The CLI and the browser host as their own processes (tsx on the sources), as `npm run cli` / `npm run web` start them. */
import { spawn } from 'node:child_process';

export interface Exited {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], timeoutMs: number): Promise<Exited> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // A host that did start would serve forever: stopped, it answers null.
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** `npm run cli -- --db FILE …` */
export function runCli(dbPath: string, args: string[], timeoutMs = 30_000): Promise<Exited> {
  return run('src-main/cli/main.ts', ['--db', dbPath, ...args], timeoutMs);
}

/** `npm run web -- --db FILE` on a free port: answers when it exits (or is stopped after the timeout). */
export function runWebHost(dbPath: string, timeoutMs = 30_000): Promise<Exited> {
  return run('src-main/web/main.ts', ['--db', dbPath, '--port', '0'], timeoutMs);
}

/** The JSON a host printed (the whole output is one JSON value). */
export function printedJson(output: string): unknown {
  return JSON.parse(output) as unknown;
}
