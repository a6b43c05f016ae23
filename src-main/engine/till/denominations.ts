/**
 * The notes and coins of each currency the centres use, in minor units, largest first: the till's
 * cash is counted by them at the close. A currency not listed is counted as one amount.
 */
const byCurrency: Readonly<Record<string, readonly number[]>> = {
  // Euro: 500 € … 1 cent.
  EUR: [50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
  // Chilean peso has no minor unit: 20.000 … 10 pesos (1 and 5 peso coins were withdrawn).
  CLP: [20000, 10000, 5000, 2000, 1000, 500, 100, 50, 10],
  // Mexican peso: $1000 … 50 centavos ($20 is both a note and a coin: one line).
  MXN: [100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50],
};

export function denominationsOf(currency: string): readonly number[] {
  return byCurrency[currency] ?? [];
}

/** The total of a count per denomination; a denomination the currency has not is named. */
export function cashCountTotal(currency: string, counts: Readonly<Record<string, number>>): { totalMinor: number; unknown: string[] } {
  const known = new Set(denominationsOf(currency));
  let totalMinor = 0;
  const unknown: string[] = [];
  for (const [key, count] of Object.entries(counts)) {
    const denomination = Number(key);
    if (!known.has(denomination)) unknown.push(key);
    else totalMinor += denomination * count;
  }
  return { totalMinor, unknown };
}

/** The count as stored and shown: every denomination counted, largest first. */
export function countLines(counts: Readonly<Record<string, number>>): { denominationMinor: number; count: number }[] {
  return Object.entries(counts)
    .map(([key, count]) => ({ denominationMinor: Number(key), count }))
    .filter((l) => l.count > 0)
    .sort((a, b) => b.denominationMinor - a.denominationMinor);
}
