import type { ErrorCode } from '../../../src-shared/api/error-codes';

export interface PaymentToCheck {
  amountMinor: number;
}

export interface PaymentProblem {
  code: ErrorCode;
  field: string;
}

/**
 * Payments must add up to the sale's total exactly (a total of 0 needs none), each of them more
 * than nothing. Answers the first problem, or null.
 */
export function paymentProblem(totalMinor: number, payments: readonly PaymentToCheck[]): PaymentProblem | null {
  const zero = payments.findIndex((p) => p.amountMinor <= 0);
  if (zero >= 0) return { code: 'out_of_range', field: `payments.${zero}.amountMinor` };
  const paid = payments.reduce((sum, p) => sum + p.amountMinor, 0);
  if (paid !== totalMinor) return { code: 'payment_mismatch', field: 'payments' };
  return null;
}

/**
 * The change given back for cash: what was handed over beyond the cash payments. Nothing handed
 * over (or exactly the amount): no change. Less than the cash paid, or cash handed over on a sale
 * with no cash payment, is a mistake at the desk.
 */
export function changeProblemOrAmount(payments: readonly { method: string; amountMinor: number }[], tenderedMinor: number | undefined): PaymentProblem | number {
  if (tenderedMinor === undefined) return 0;
  const cash = payments.filter((p) => p.method === 'cash').reduce((sum, p) => sum + p.amountMinor, 0);
  if (cash === 0 || tenderedMinor < cash) return { code: 'cash_tendered_short', field: 'cashTenderedMinor' };
  return tenderedMinor - cash;
}
