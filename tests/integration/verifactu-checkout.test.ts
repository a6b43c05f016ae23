import { XMLValidator } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportDocuments } from '../../src-main/cli/fiscal-commands';
import { recordsCreatedBetween } from '../../src-main/db/queries/fiscal-chain';
import type { AeatTestServer } from '../helpers/aeat-test-server';
import { startAeatTestServer } from '../helpers/aeat-test-server';
import { fixClock } from '../helpers/fixed-clock';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import type { CheckoutWorld } from './checkout-world';
import { NOW, cash, checkoutWorld } from './checkout-world';

/*
 * The records the real checkout makes (sales, a full invoice, a corrective invoice, a cancellation)
 * through the queue to a local test server that answers like the AEAT (the real AEAT service cannot be
 * reached from here), then verified and exported.
 */

let api: TempApi;
let world: CheckoutWorld;
let server: AeatTestServer;

beforeEach(async () => {
  fixClock(NOW);
  api = await openTempApi();
  world = await checkoutWorld(api);
  server = await startAeatTestServer();
  await api.call('fiscal.endpoint.set', { enabled: true, url: server.url, certificateFile: null });
});
afterEach(async () => {
  vi.useRealTimers();
  await server.close();
  await api.close();
});

describe("checkout's VERI*FACTU records", () => {
  it('are queued as made, submitted in that order with their chain, verify, and export in the AEAT format', async () => {
    const first = await api.call('checkout.commit', { clientId: world.ana, lines: [{ kind: 'service', serviceId: world.tinte }], payments: cash(4500) });
    await api.call('checkout.commit', {
      lines: [{ kind: 'service', serviceId: world.corte }],
      payments: cash(1800),
      invoiceTo: { name: 'Talleres Norte S.L.', taxId: 'B12345674', address: 'Calle Real 3', postcode: '28001' },
    });
    await api.call('sales.void', { id: first.id, reason: 'Cobrado dos veces' });
    const mistake = await api.call('checkout.commit', { clientId: world.eva, lines: [{ kind: 'service', serviceId: world.manicura }], payments: cash(2000) });
    await api.call('sales.void', { id: mistake.id, reason: 'Cliente equivocado', document: 'cancel' });

    const stored = api.host.database.sqlite.prepare('SELECT r.* FROM fiscal_submissions s JOIN fiscal_records r ON r.id = s.record_id ORDER BY s.seq').all() as {
      invoice_number: string;
      fingerprint: string;
      kind: string;
      invoice_type: string | null;
    }[];
    expect(stored.map((r) => r.invoice_type ?? r.kind)).toEqual(['F2', 'F1', 'R5', 'F2', 'anulacion']);
    expect((await api.call('fiscal.status', {})).waiting).toBe(5);

    const { run, status } = await api.call('fiscal.submitNow', {});
    expect(run).toMatchObject({ outcome: 'sent', answered: 5 });
    expect(status.waiting).toBe(0);
    const sent = server.submissions[0]!.records;
    expect(sent.map((r) => r.fingerprint)).toEqual(stored.map((r) => r.fingerprint));
    // Each record names the one before it in its Encadenamiento; the first is PrimerRegistro.
    expect(sent.map((r) => r.previousFingerprint)).toEqual([null, ...stored.slice(0, -1).map((r) => r.fingerprint)]);
    expect(sent.map((r) => r.kind)).toEqual(['alta', 'alta', 'alta', 'alta', 'anulacion']);
    expect(server.submissions[0]!.issuer).toEqual({ name: 'Centro Alba Estética S.L.', taxId: 'B12345674' });

    expect(await api.call('fiscal.verify', {})).toMatchObject({ ok: true, records: 5, chains: 1 });

    const documents = exportDocuments(await recordsCreatedBetween(api.host.database.db, '2027-03-01T00:00:00.000Z', '2027-03-02T00:00:00.000Z'));
    expect(documents).toHaveLength(1);
    expect(documents[0]!.records).toBe(5);
    expect(XMLValidator.validate(documents[0]!.xml)).toBe(true);
    expect(documents[0]!.xml).toContain('<sum1:TipoRectificativa>I</sum1:TipoRectificativa>');
    expect(documents[0]!.xml).toContain(`<sum1:NumSerieFacturaAnulada>${mistake.invoices[0]!.fullNumber}</sum1:NumSerieFacturaAnulada>`);
    expect(documents[0]!.xml).toContain('<sum1:NombreRazon>Talleres Norte S.L.</sum1:NombreRazon><sum1:NIF>B12345674</sum1:NIF>');
  });
});
