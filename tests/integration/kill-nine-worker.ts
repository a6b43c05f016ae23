/**
 * One desk of the kill -9 test, in its own OS process (bundled by the test, run by plain node):
 * says "loaded" once its code is in memory, waits for a line with the database and what to sell,
 * opens the file through the real API and writes until it is killed, printing each write's id
 * only once the API acknowledged it (after the commit). stdout on a pipe is synchronous on Linux:
 * a line printed has reached the parent even when the next instant is a SIGKILL.
 */
import { createInterface } from 'node:readline';
import { ensureCentreFiscal } from '../helpers/fiscal-data';
import { openApi } from '../../src-main/api/open-api';

export interface KillNineOrders {
  dbPath: string;
  serviceId: string;
  clientId: string;
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function work(orders: KillNineOrders): Promise<void> {
  const host = await openApi(orders.dbPath);
  await ensureCentreFiscal(host);
  say('open');
  for (let i = 0; ; i++) {
    if (i % 4 === 3) {
      const sale = await host.invoke('checkout.commit', {
        clientId: orders.clientId,
        lines: [{ kind: 'service', serviceId: orders.serviceId }],
        payments: [{ method: 'cash', amountMinor: 2500 }],
      });
      if (!sale.ok) throw new Error(JSON.stringify(sale.error));
      say(`ack sales ${sale.value.id}`);
    } else {
      const created = await host.invoke('clients.create', { firstName: `Cliente ${i}`, lastName: 'Kill', notes: 'x'.repeat(Math.floor(Math.random() * 3000)) });
      if (!created.ok) throw new Error(JSON.stringify(created.error));
      say(`ack clients ${created.value.client.id}`);
    }
  }
}

say('loaded');
const lines = createInterface({ input: process.stdin });
lines.once('line', (line) => {
  work(JSON.parse(line) as KillNineOrders).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
});
