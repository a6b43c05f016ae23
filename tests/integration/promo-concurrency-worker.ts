/**
 * One desk of the promo concurrency test, in its own OS process: sells a Corte (18,00 €) again and
 * again, with one of two limited codes (10 % off: 16,20 €) or none, and reports what it got.
 */
import type { CallInput } from '../../src-shared/api/contract';
import { runDesk } from '../helpers/spawn-workers';

export interface PromoWorkerInput {
  corte: string;
  /** Clients who use the code limited in all (10) and per client (2). */
  limitedClients: string[];
  /** Clients who use the code limited per client only (2). */
  perClientClients: string[];
}

export interface PromoWorkerReport {
  /** Sales this desk committed: id, receipt number and the code used (null: none). */
  sales: { id: string; number: number; code: string | null; clientId: string | null }[];
  /** Refusals by code (expected: promo_exhausted, promo_client_limit). */
  refusals: Record<string, number>;
}

runDesk<PromoWorkerInput, PromoWorkerReport>(async ({ host, ops, input, random, pick }) => {
  const report: PromoWorkerReport = { sales: [], refusals: {} };
  const line = { kind: 'service' as const, serviceId: input.corte };
  for (let i = 0; i < ops; i++) {
    const roll = random();
    const sale =
      roll < 0.45
        ? { clientId: pick(input.limitedClients), code: 'LIMITE' }
        : roll < 0.8
          ? { clientId: pick(input.perClientClients), code: 'DOSXCLIENTE' }
          : { clientId: null, code: null };
    const draft: CallInput<'checkout.commit'> = {
      ...(sale.clientId ? { clientId: sale.clientId } : {}),
      lines: [line],
      ...(sale.code ? { promoCode: sale.code.toLowerCase() } : {}),
      payments: [{ method: 'card', amountMinor: sale.code ? 1620 : 1800 }],
    };
    const result = await host.invoke('checkout.commit', draft);
    if (result.ok) report.sales.push({ id: result.value.id, number: result.value.number, code: sale.code, clientId: sale.clientId });
    else report.refusals[result.error.code] = (report.refusals[result.error.code] ?? 0) + 1;
  }
  return report;
});
