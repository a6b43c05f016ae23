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
