/**
 * The desk of the kill -9 sync test, in its own OS process (forked with tsx): opens the database
 * the test arranged (sync already on, towards the test's fault proxy), writes `clients` cards and a
 * sale every tenth, says "wrote" over IPC, then syncs until the test SIGKILLs it mid-upload.
 */
import { ensureCentreFiscal } from '../helpers/fiscal-data';
import { openApi } from '../../src-main/api/open-api';

export interface KillWorkerArgs {
  dbPath: string;
  clients: number;
  serviceId: string;
  batchSize: number;
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? '{}') as KillWorkerArgs;
  const host = await openApi(args.dbPath, { sync: { batchSize: args.batchSize } });
  await ensureCentreFiscal(host);
  for (let i = 0; i < args.clients; i++) {
    const created = await host.invoke('clients.create', { firstName: `Cliente ${i}`, lastName: 'Nueve', phone: `6${String(10_000_000 + i)}` });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    if (i % 10 === 9) {
      const sale = await host.invoke('checkout.commit', {
        clientId: created.value.client.id,
        lines: [{ kind: 'service', serviceId: args.serviceId }],
        payments: [{ method: 'cash', amountMinor: 1800 }],
      });
      if (!sale.ok) throw new Error(JSON.stringify(sale.error));
    }
  }
  process.send!('wrote');
  for (;;) await host.sync.syncNow();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
