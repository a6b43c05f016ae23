import type { TaxBreakdown } from '../../../src-shared/domain/fiscal';

/**
 * VAT inside a tax-included amount, rounded per line to the nearest minor unit, half away from zero
 * (Spain's Reglamento de facturación, art. 10.1.8º: "redondeo al céntimo más próximo"): the tax of
 * `totalMinor` at `rateBp` is total × rate / (1 + rate). Base + tax is the total exactly.
 */
export function taxInside(totalMinor: number, rateBp: number): { baseMinor: number; taxMinor: number } {
  if (!Number.isSafeInteger(totalMinor)) throw new RangeError(`amount must be whole minor units: ${totalMinor}`);
  if (!Number.isInteger(rateBp) || rateBp < 0 || rateBp > 10_000) throw new RangeError(`rate out of 0..10000 bp: ${rateBp}`);
  const magnitude = BigInt(Math.abs(totalMinor));
  const divisor = BigInt(10_000 + rateBp);
  // Half up on the magnitude: 2 × n × r + d, over 2 × d.
  const tax = Number((2n * magnitude * BigInt(rateBp) + divisor) / (2n * divisor));
  const taxMinor = totalMinor < 0 ? -tax : tax;
  return { baseMinor: totalMinor - taxMinor, taxMinor };
}

/** The document's breakdown: per rate, the sum of its lines' bases and taxes (highest rate first). */
export function breakdown(lines: readonly { rateBp: number; totalMinor: number; taxMinor: number }[]): TaxBreakdown[] {
  const byRate = new Map<number, TaxBreakdown>();
  for (const line of lines) {
    const entry = byRate.get(line.rateBp) ?? { rateBp: line.rateBp, baseMinor: 0, taxMinor: 0 };
    entry.baseMinor += line.totalMinor - line.taxMinor;
    entry.taxMinor += line.taxMinor;
    byRate.set(line.rateBp, entry);
  }
  return [...byRate.values()].sort((a, b) => b.rateBp - a.rateBp);
}

/** A breakdown with every amount's sign turned: what a corrective document carries. */
export function negated(taxes: readonly TaxBreakdown[]): TaxBreakdown[] {
  return taxes.map((t) => ({ rateBp: t.rateBp, baseMinor: -t.baseMinor, taxMinor: -t.taxMinor }));
}
