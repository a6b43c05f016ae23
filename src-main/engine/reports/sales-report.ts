import type { SalesReport } from '../../../src-shared/domain/reports';
import { methodOrder, sumTaxes } from '../till/expected';

/** A sale counted on a day: +1 taken, −1 voided (its lines and payments come back out). */
export interface ReportSale {
  saleId: string;
  day: string;
  sign: 1 | -1;
  sellerId: string | null;
}

export interface ReportLine {
  saleId: string;
  kind: string;
  itemId: string;
  description: string;
  quantity: number;
  totalMinor: number;
  taxMinor: number;
  taxRateBp: number | null;
  /** The professional of the appointment / session the line charged. */
  professionalId: string | null;
}

export interface ReportPayment {
  saleId: string;
  method: string;
  amountMinor: number;
}

/** Adds the sales up by day, professional, item, method and tax rate; every figure net of voids. */
export function salesReport(
  range: { from: string; to: string; currency: string },
  sales: readonly ReportSale[],
  lines: readonly ReportLine[],
  payments: readonly ReportPayment[],
  names: { staff: ReadonlyMap<string, string>; methods: ReadonlyMap<string, string> },
): SalesReport {
  const linesOf = group(lines, (l) => l.saleId);
  const paymentsOf = group(payments, (p) => p.saleId);
  const days = new Map<string, SalesReport['byDay'][number]>();
  const dayMethods = new Map<string, SalesReport['byDayMethod'][number]>();
  const pros = new Map<string, SalesReport['byProfessional'][number]>();
  const items = new Map<string, SalesReport['byItem'][number]>();
  const methods = new Map<string, SalesReport['byMethod'][number]>();
  const taxes: { rateBp: number; baseMinor: number; taxMinor: number }[] = [];
  for (const sale of sales) {
    const s = sale.sign;
    const day = getOr(days, sale.day, () => ({ date: sale.day, salesCount: 0, voidsCount: 0, totalMinor: 0, taxMinor: 0 }));
    if (s === 1) day.salesCount += 1;
    else day.voidsCount += 1;
    for (const line of linesOf.get(sale.saleId) ?? []) {
      day.totalMinor += s * line.totalMinor;
      day.taxMinor += s * line.taxMinor;
      const staffId = line.professionalId ?? sale.sellerId;
      const pro = getOr(pros, staffId ?? '', () => ({ staffId, name: staffId ? (names.staff.get(staffId) ?? null) : null, lines: 0, quantity: 0, totalMinor: 0 }));
      pro.lines += s;
      pro.quantity += s * line.quantity;
      pro.totalMinor += s * line.totalMinor;
      const item = getOr(items, `${line.kind}:${line.itemId}`, () => ({ kind: line.kind, itemId: line.itemId, description: line.description, quantity: 0, totalMinor: 0 }));
      item.quantity += s * line.quantity;
      item.totalMinor += s * line.totalMinor;
      if (line.taxRateBp !== null) taxes.push({ rateBp: line.taxRateBp, baseMinor: s * (line.totalMinor - line.taxMinor), taxMinor: s * line.taxMinor });
    }
    for (const p of paymentsOf.get(sale.saleId) ?? []) {
      getOr(dayMethods, `${sale.day}|${p.method}`, () => ({ date: sale.day, method: p.method, amountMinor: 0 })).amountMinor += s * p.amountMinor;
      const m = getOr(methods, p.method, () => ({ method: p.method, label: names.methods.get(p.method) ?? null, payments: 0, amountMinor: 0 }));
      m.payments += s;
      m.amountMinor += s * p.amountMinor;
    }
  }
  const byDay = [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
  return {
    ...range,
    byDay,
    byDayMethod: [...dayMethods.values()].sort((a, b) => a.date.localeCompare(b.date) || methodOrder(a.method, b.method)),
    byProfessional: [...pros.values()].sort((a, b) => b.totalMinor - a.totalMinor || (a.name ?? '').localeCompare(b.name ?? '')),
    byItem: [...items.values()].sort((a, b) => b.totalMinor - a.totalMinor || a.description.localeCompare(b.description)),
    byMethod: [...methods.values()].sort((a, b) => methodOrder(a.method, b.method)),
    taxes: sumTaxes(taxes),
    totals: byDay.reduce(
      (t, d) => ({ salesCount: t.salesCount + d.salesCount, voidsCount: t.voidsCount + d.voidsCount, totalMinor: t.totalMinor + d.totalMinor, taxMinor: t.taxMinor + d.taxMinor }),
      { salesCount: 0, voidsCount: 0, totalMinor: 0, taxMinor: 0 },
    ),
  };
}

function group<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) getOr(out, key(r), () => []).push(r);
  return out;
}

function getOr<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}
