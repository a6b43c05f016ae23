/**
 * Pricing of a sale, in integer minor units of the centre's currency (never floats).
 * A line's amount is unit price × quantity; a plan or pass credit pays one unit (the coverage
 * discount); a promo then takes its part off what coverage left of the lines it applies to.
 */

export interface LineToPrice {
  unitPriceMinor: number;
  quantity: number;
  /** One unit is paid by a plan or pass credit. */
  covered: boolean;
  /** The promo applies to this line (a service line of one of its services). */
  promoApplies: boolean;
}

export interface PromoTerms {
  kind: 'percent' | 'amount';
  /** 1–100 for percent; minor units for amount. */
  value: number;
}

export interface PricedLine {
  subtotalMinor: number;
  coverageDiscountMinor: number;
  promoDiscountMinor: number;
  totalMinor: number;
}

export interface PricedSale {
  lines: PricedLine[];
  subtotalMinor: number;
  coverageDiscountMinor: number;
  promoDiscountMinor: number;
  totalMinor: number;
}

function assertMinor(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a whole number of minor units, not negative: ${value}`);
}

/** `percent` % of `amountMinor`, rounded half up to the minor unit. */
export function percentOf(amountMinor: number, percent: number): number {
  assertMinor(amountMinor, 'amount');
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) throw new RangeError(`percent out of 0..100: ${percent}`);
  return Math.floor((amountMinor * percent + 50) / 100);
}

/**
 * Splits `amountMinor` (at most the weights' sum) over the weights in proportion, by largest
 * remainder: every share is whole, no share exceeds its weight, the shares add up exactly.
 * Equal remainders go to the earlier weight.
 */
export function spreadByLargestRemainder(amountMinor: number, weights: readonly number[]): number[] {
  assertMinor(amountMinor, 'amount');
  for (const weight of weights) assertMinor(weight, 'weight');
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (amountMinor > total) throw new RangeError(`cannot spread ${amountMinor} over ${total}`);
  if (amountMinor === 0) return weights.map(() => 0);
  // amount × weight can pass 2^53: exact arithmetic in BigInt.
  const amount = BigInt(amountMinor);
  const sum = BigInt(total);
  const parts = weights.map((weight, index) => {
    const product = amount * BigInt(weight);
    return { index, share: Number(product / sum), remainder: product % sum };
  });
  let left = amountMinor - parts.reduce((s, p) => s + p.share, 0);
  const byRemainder = [...parts].sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const part of byRemainder) {
    if (left === 0) break;
    part.share += 1;
    left -= 1;
  }
  return parts.map((p) => p.share);
}

/**
 * Prices the lines: coverage first (one unit of a covered line), then the promo on what is left of
 * the lines it applies to — percent per line rounded half up, an amount spread over them by largest
 * remainder and never more than they cost.
 */
export function priceSale(lines: readonly LineToPrice[], promo: PromoTerms | null): PricedSale {
  const afterCoverage = lines.map((line) => {
    assertMinor(line.unitPriceMinor, 'unit price');
    if (!Number.isInteger(line.quantity) || line.quantity < 1) throw new RangeError(`quantity must be at least 1: ${line.quantity}`);
    const subtotalMinor = line.unitPriceMinor * line.quantity;
    const coverageDiscountMinor = line.covered ? line.unitPriceMinor : 0;
    return { subtotalMinor, coverageDiscountMinor, left: subtotalMinor - coverageDiscountMinor };
  });

  const promoDiscounts = lines.map(() => 0);
  if (promo) {
    if (!Number.isSafeInteger(promo.value) || promo.value < 1) throw new RangeError(`promo value must be at least 1: ${promo.value}`);
    const applicable = lines.flatMap((line, index) => (line.promoApplies ? [index] : []));
    if (promo.kind === 'percent') {
      for (const index of applicable) promoDiscounts[index] = percentOf(afterCoverage[index]!.left, promo.value);
    } else {
      const weights = applicable.map((index) => afterCoverage[index]!.left);
      const eligible = weights.reduce((sum, w) => sum + w, 0);
      const shares = spreadByLargestRemainder(Math.min(promo.value, eligible), weights);
      applicable.forEach((index, k) => (promoDiscounts[index] = shares[k]!));
    }
  }

  const priced = afterCoverage.map((line, index): PricedLine => {
    const promoDiscountMinor = promoDiscounts[index]!;
    return {
      subtotalMinor: line.subtotalMinor,
      coverageDiscountMinor: line.coverageDiscountMinor,
      promoDiscountMinor,
      totalMinor: line.left - promoDiscountMinor,
    };
  });
  const sum = (pick: (line: PricedLine) => number) => priced.reduce((total, line) => total + pick(line), 0);
  return {
    lines: priced,
    subtotalMinor: sum((l) => l.subtotalMinor),
    coverageDiscountMinor: sum((l) => l.coverageDiscountMinor),
    promoDiscountMinor: sum((l) => l.promoDiscountMinor),
    totalMinor: sum((l) => l.totalMinor),
  };
}
