import { readFileSync } from 'node:fs';
import type { ApiHost } from '../api/open-api';
import { openApiOrExplain } from '../api/open-api-or-explain';
import { AppError } from '../errors/app-error';
import { faultCodeOf } from '../errors/sqlite-fault';
import { openProblemAnswer } from '../db/open-problem';
import { resolveDatabasePath } from '../db/data-location';
import { errorMessage } from '../../src-shared/i18n/errors';
import { parseHostArgs } from './args';
import { backupCommandNames, backupUsage, isBackupCommand } from './backup-usage';
import type { DailyList } from './daily-list';
import { fiscalUsage } from './fiscal-usage';

// The heavy commands (backups, fiscal export, demo seeding, daily-list PDFs, the JSON Schema list) are imported
// when they run, so a one-off `api <call>` loads only the API: the CLI's start is most of its cost.

const usage = `Uso / usage: npm run cli -- [--db FILE] [--staff ID --pin PIN] [--approver ID --approver-pin PIN] <command>
  api <call> '<json>'   calls the API and prints the result as JSON (exit 1 on a refusal)
  api --list            every call with its input as JSON Schema
  seed-demo             fills the database with a demo centre
${backupUsage}
  daily-list --date YYYY-MM-DD [--staff ID] [--pdf FILE]
                        prints the day's list as text, or renders it to a PDF with Chromium
${fiscalUsage}
Once PINs are on, --staff/--pin sign the command in (as the owner before); --approver/--approver-pin
approve one call that needs an owner's or a manager's PIN (voiding a sale, adjusting credits, erasing a client).`;

async function main(argv: string[]): Promise<number> {
  const args = parseHostArgs(argv);
  const { db, rest } = args;
  const [command, ...commandArgs] = rest;
  if (command === 'api' && commandArgs[0] === '--list') {
    const { listCalls } = await import('./list-calls');
    print(listCalls());
    return 0;
  }
  if (!command || !['api', 'seed-demo', 'daily-list', 'fiscal', ...backupCommandNames].includes(command)) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const path = resolveDatabasePath(db);
  // A file that cannot be opened or written answers its coded problem (damaged, newer, read-only…), not a stack.
  const opened = await openApiOrExplain(path);
  if (!opened.ok) {
    print(openProblemAnswer(opened.problem));
    return 1;
  }
  const host = opened.host;
  try {
    if (args.staff) {
      const signedIn = await host.invoke('auth.signIn', { staffId: args.staff, ...(args.pin !== undefined ? { pin: args.pin } : {}) });
      if (!signedIn.ok) {
        print(signedIn);
        return 1;
      }
    }
    const approval = args.approver ? { approval: { staffId: args.approver, pin: args.approverPin ?? '' } } : undefined;
    switch (command) {
      case 'api': {
        const [call, json = '{}'] = commandArgs;
        let input: unknown;
        try {
          // '-': the input from stdin (a photo's data URL is beyond what one argument may hold).
          input = JSON.parse(json === '-' ? readFileSync(0, 'utf8') : json);
        } catch {
          print({ ok: false, error: { code: 'invalid_input', message: errorMessage('es', 'invalid_input') } });
          return 1;
        }
        const result = await host.invoke(call, input, approval);
        if (result.ok) {
          // What the renderer uses to refresh is noise at a terminal.
          delete result.reads;
          delete result.changed;
        }
        print(result);
        return result.ok ? 0 : 1;
      }
      case 'seed-demo':
        print(await (await import('./seed-demo')).seedDemo(host.invoke));
        return 0;
      case 'daily-list':
        return await printDailyList(host, commandArgs);
      case 'fiscal': {
        const { runFiscalCommand } = await import('./fiscal-commands');
        const code = await runFiscalCommand(host, commandArgs, print, (text) => process.stdout.write(text));
        if (code === 2) process.stderr.write(`${usage}\n`);
        return code;
      }
    }
    if (isBackupCommand(command)) {
      const { runBackupCommand } = await import('./backup-commands');
      const code = await runBackupCommand(host, command, commandArgs, print);
      if (code === 2) process.stderr.write(`${usage}\n`);
      return code;
    }
    return 2;
  } finally {
    await host.database.close();
  }
}

function flag(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function printDailyList(host: ApiHost, args: string[]): Promise<number> {
  const date = flag(args, '--date') ?? '';
  const staffId = flag(args, '--staff');
  const pdf = flag(args, '--pdf');
  const result = await host.invoke('agenda.dailyList', { date, ...(staffId ? { staffId } : {}) });
  if (!result.ok) {
    print(result);
    return 1;
  }
  const settings = await host.invoke('settings.get', {});
  const staff = staffId ? await host.invoke('staff.list', { includeInactive: true }) : null;
  const list: DailyList = {
    centreName: settings.ok ? settings.value.name : '',
    language: settings.ok ? settings.value.language : 'es',
    date: result.value.date,
    professional: staff?.ok ? (staff.value.find((s) => s.id === staffId)?.name ?? null) : null,
    rows: result.value.rows,
    printedAt: new Date(),
    timeZone: settings.ok ? settings.value.timeZone : 'Europe/Madrid',
  };
  const { dailyListAsHtml, dailyListAsText } = await import('./daily-list');
  if (!pdf) {
    process.stdout.write(dailyListAsText(list));
    return 0;
  }
  const { renderPdf } = await import('./render-pdf');
  await renderPdf(dailyListAsHtml(list), pdf);
  print({ ok: true, value: { pdf, rows: list.rows.length } });
  return 0;
}

function print(value: unknown) {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Exits once stdout and stderr have drained. On a pipe, Node writes asynchronously: exiting straight after a
 * large write cut the output at the pipe's buffer (64 KiB, `api --list | wc -c`). An empty write's callback runs
 * after everything written before it has been handed to the OS.
 */
function exitAfterOutput(code: number): void {
  let pending = 2;
  const done = () => {
    pending -= 1;
    if (pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

main(process.argv.slice(2)).then(
  (code) => exitAfterOutput(code),
  (error: unknown) => {
    // A fault of the disk or the file keeps its own code (disk_full, read_only…); anything else is internal. No stack.
    const code = error instanceof AppError ? error.code : (faultCodeOf(error) ?? 'internal');
    print({ ok: false, error: { code, message: errorMessage('es', code) } });
    if (!(error instanceof AppError)) process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    exitAfterOutput(1);
  },
);
