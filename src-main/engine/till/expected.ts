import { paymentMethods } from '../../../src-shared/domain/passes';

export interface MethodAmount {
  method: string;
  amountMinor: number;
}

export interface ExpectedInput {
  floatMinor: number;
  /** The payments of the sales taken in the session, per method. The cash payment is what stays in
   *  the till: the change given back was never part of it (tendered − change = the cash payment). */
  sales: readonly MethodAmount[];
  /** The payments of the sales voided in the session: that money goes back out of this till. */
  voids: readonly MethodAmount[];
  movements: readonly { kind: 'in' | 'out'; amountMinor: number }[];
}

export interface ExpectedLine {
  method: string;
  salesMinor: number;
  voidsMinor: number;
  expectedMinor: number;
}

/** Cash first, then the built-in methods in their order, then custom ones by id. */
export function methodOrder(a: string, b: string): number {
  const rank = (m: string) => {
    const i = (paymentMethods as readonly string[]).indexOf(m);
    return i < 0 ? paymentMethods.length : i;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

function sumByMethod(rows: readonly MethodAmount[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) out.set(r.method, (out.get(r.method) ?? 0) + r.amountMinor);
  return out;
}

/** What the till should hold per method; cash is always listed (the float is in it). */
export function expectedByMethod(input: ExpectedInput): ExpectedLine[] {
  const sales = sumByMethod(input.sales);
  const voids = sumByMethod(input.voids);
  const methods = new Set(['cash', ...sales.keys(), ...voids.keys()]);
  const cashMoves = input.movements.reduce((sum, m) => sum + (m.kind === 'in' ? m.amountMinor : -m.amountMinor), 0);
  return [...methods].sort(methodOrder).map((method) => {
    const salesMinor = sales.get(method) ?? 0;
    const voidsMinor = voids.get(method) ?? 0;
    const cashPart = method === 'cash' ? input.floatMinor + cashMoves : 0;
    return { method, salesMinor, voidsMinor, expectedMinor: salesMinor - voidsMinor + cashPart };
  });
}

export interface CountedMethod {
  method: string;
  countedMinor: number;
  reason: string | null;
}

export interface CloseLine {
  method: string;
  expectedMinor: number;
  countedMinor: number;
  differenceMinor: number;
  reason: string | null;
}

/**
 * The close per method: every expected method must be counted (a method counted but not expected
 * closes against 0), and a reason is required wherever the difference is not 0. Problems name the
 * method's field; all of them at once.
 */
export function closeLines(expected: readonly ExpectedLine[], counted: readonly CountedMethod[]): { lines: CloseLine[]; problems: { method: string; code: 'required'; what: 'count' | 'reason' }[] } {
  const byMethod = new Map(counted.map((c) => [c.method, c]));
  const methods = [...new Set([...expected.map((e) => e.method), ...counted.map((c) => c.method)])].sort(methodOrder);
  const lines: CloseLine[] = [];
  const problems: { method: string; code: 'required'; what: 'count' | 'reason' }[] = [];
  for (const method of methods) {
    const expectedMinor = expected.find((e) => e.method === method)?.expectedMinor ?? 0;
    const count = byMethod.get(method);
    if (!count) {
      // Nothing expected and nothing counted: nothing to close (e.g. cash with no float and no cash sales).
      if (expectedMinor !== 0) problems.push({ method, code: 'required', what: 'count' });
      else lines.push({ method, expectedMinor, countedMinor: 0, differenceMinor: 0, reason: null });
      continue;
    }
    const differenceMinor = count.countedMinor - expectedMinor;
    const reason = count.reason?.trim() ? count.reason.trim() : null;
    if (differenceMinor !== 0 && reason === null) problems.push({ method, code: 'required', what: 'reason' });
    lines.push({ method, expectedMinor, countedMinor: count.countedMinor, differenceMinor, reason: differenceMinor === 0 ? null : reason });
  }
  return { lines, problems };
}

/** Sums tax breakdowns per rate (corrective documents carry negative figures). */
export function sumTaxes(all: readonly { rateBp: number; baseMinor: number; taxMinor: number }[]): { rateBp: number; baseMinor: number; taxMinor: number }[] {
  const byRate = new Map<number, { rateBp: number; baseMinor: number; taxMinor: number }>();
  for (const t of all) {
    const cur = byRate.get(t.rateBp) ?? { rateBp: t.rateBp, baseMinor: 0, taxMinor: 0 };
    cur.baseMinor += t.baseMinor;
    cur.taxMinor += t.taxMinor;
    byRate.set(t.rateBp, cur);
  }
  return [...byRate.values()].sort((a, b) => b.rateBp - a.rateBp);
}
