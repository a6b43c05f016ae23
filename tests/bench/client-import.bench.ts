import { maxUploadPart } from '../../src-shared/api/client-import';
import { openApi } from '../../src-main/api/open-api';
import { demoCities, demoDni, demoEmailDomains, demoFirstNames, demoLastNames, demoRandom } from '../../src-main/cli/demo-data';
import { benchCaller, withBenchDb } from './bench-db';
import type { BenchResult } from './stats';
import { summarize } from './stats';

const rowCount = 100_000;
const runs = 3;

/** A 100,000-row export of another system: Spanish headers, `;`, dates as 02/03/1985, every client distinct. */
function bigCsv(): Buffer {
  const random = demoRandom(13);
  const lines = ['Nombre;Apellidos;Móvil;Correo electrónico;DNI;Fecha de nacimiento;Sexo;Dirección;CP;Ciudad;Notas'];
  for (let i = 0; i < rowCount; i++) {
    const [first, sex] = random.pick(demoFirstNames);
    const [city, postalCode] = random.pick(demoCities);
    const day = String(random.int(1, 28)).padStart(2, '0');
    const month = String(random.int(1, 12)).padStart(2, '0');
    lines.push(
      [
        first,
        `${random.pick(demoLastNames)} ${random.pick(demoLastNames)}`,
        `6${String(10_000_000 + i).padStart(8, '0')}`,
        `cliente${i}@${random.pick(demoEmailDomains)}`,
        demoDni(10_000_000 + i),
        `${day}/${month}/${random.int(1950, 2005)}`,
        sex === 'female' ? 'Mujer' : 'Hombre',
        `"Calle ${random.pick(demoLastNames)}, ${random.int(1, 120)}"`,
        postalCode,
        city,
        i % 10 === 0 ? '"Alergia al látex;\nprefiere mañanas"' : '',
      ].join(';'),
    );
  }
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

/**
 * clients.import: the whole import of a 100,000-row CSV as the Clientes page runs it — upload in
 * parts, the dry run in steps of 5,000 rows, then the one-transaction import. Each sample is the
 * TOTAL time of one import in ms (a fresh database each run), not a per-call latency.
 */
export async function clientImportBench(log: (line: string) => void): Promise<BenchResult[]> {
  const file = bigCsv();
  log(`${rowCount.toLocaleString('en')} rows, ${(file.length / 1e6).toFixed(1)} MB`);
  const totals: number[] = [];
  for (let run = 0; run < runs; run++) {
    await withBenchDb('client-import', async (path) => {
      const host = await openApi(path);
      const call = benchCaller(host);
      const start = performance.now();
      const partBytes = (maxUploadPart / 4) * 3;
      let uploadId: string | undefined;
      let jobId = '';
      let mapping: Awaited<ReturnType<typeof call<'clients.importUpload'>>>['preview'] extends infer P ? (P extends { mapping: infer M } ? M : never) : never = [];
      for (let offset = 0; offset < file.length; offset += partBytes) {
        const last = offset + partBytes >= file.length;
        const answer = await call('clients.importUpload', { ...(uploadId ? { uploadId } : {}), part: file.subarray(offset, offset + partBytes).toString('base64'), last });
        uploadId = answer.uploadId;
        if (answer.preview) ({ jobId, mapping } = answer.preview);
      }
      const uploaded = performance.now();
      let checked = 0;
      while (checked < rowCount) {
        const step = await call('clients.importCheck', { jobId, mapping, offset: checked, limit: 5000 });
        if (step.problems.length > 0) throw new Error(`unexpected problems: ${JSON.stringify(step.problems.slice(0, 3))}`);
        checked = step.checked;
      }
      const dryRun = performance.now();
      const result = await call('clients.import', { jobId, mapping });
      const end = performance.now();
      if (result.imported !== rowCount) throw new Error(`imported ${result.imported}`);
      log(`run ${run + 1}: upload ${((uploaded - start) / 1000).toFixed(1)} s, dry run ${((dryRun - uploaded) / 1000).toFixed(1)} s, import ${((end - dryRun) / 1000).toFixed(1)} s, total ${((end - start) / 1000).toFixed(1)} s`);
      totals.push(end - start);
      await host.database.close();
    });
  }
  // Target: the whole import of 100,000 rows within 30 s.
  return [summarize('clients.import', totals, 30_000)];
}
