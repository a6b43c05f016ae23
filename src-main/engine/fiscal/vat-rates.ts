/**
 * The VAT rates a centre's country has, in basis points, its general rate first (the default for
 * a new item). Spain: general 21 %, reduced 10 %, super-reduced 4 %, exempt 0 %. Chile: IVA 19 % or
 * exempt. Mexico: IVA 16 %, the northern border's 8 %, or 0 %. Other countries: any rate.
 */
const ratesByCountry: Readonly<Record<string, readonly number[]>> = {
  ES: [2100, 1000, 400, 0],
  CL: [1900, 0],
  MX: [1600, 800, 0],
};

/** The choices for the country; null: not a fixed list (any 0–100 %). */
export function vatRatesOf(country: string): readonly number[] | null {
  return ratesByCountry[country] ?? null;
}

export function defaultVatRate(country: string): number {
  return ratesByCountry[country]?.[0] ?? 0;
}

export function isVatRateOf(country: string, rateBp: number): boolean {
  const rates = vatRatesOf(country);
  return rates === null ? Number.isInteger(rateBp) && rateBp >= 0 && rateBp <= 10_000 : rates.includes(rateBp);
}
