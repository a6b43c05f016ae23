import type { Sale } from '../../src-shared/domain/checkout';

/** A receipt's number as printed: the desk's series, then the number within it ("7KQ2-15"). */
export function receiptNumber(sale: Pick<Sale, 'series' | 'number'>): string {
  return `${sale.series}-${sale.number}`;
}
