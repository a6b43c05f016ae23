import type { SaleLineInput } from '../../src-shared/api/checkout';
import type { PaymentMethod } from '../../src-shared/domain/passes';
import { parseMoney } from '../lib/money';

/** A line of the sale being prepared; `key` keeps React rows stable while lines come and go. */
export type DraftLine =
  | {
      key: string;
      kind: 'service';
      serviceId: string;
      quantity: number;
      /** Pay one unit with the client's plan or pass credit when one covers it. */
      useCredit: boolean;
      appointmentId?: string;
      bookingId?: string;
    }
  | { key: string; kind: 'pass'; passProductId: string }
  | { key: string; kind: 'plan'; planProductId: string }
  | { key: string; kind: 'product'; productId: string; quantity: number };

/** One payment of the sale: a method, the amount as typed (`auto` follows the total until edited), the voucher or operation number. */
export interface PaymentRow {
  key: string;
  method: PaymentMethod;
  amount: string;
  auto: boolean;
  reference: string;
}

/** The methods whose payment has a number to note: the card terminal's voucher, the transfer's or the app's operation. */
export function takesReference(method: PaymentMethod): boolean {
  return method === 'card' || method === 'bizum' || method === 'transfer' || method === 'mercado_pago';
}

let lastKey = 0;
export function newKey(): string {
  lastKey += 1;
  return `k${lastKey}`;
}

export function serviceLine(serviceId: string, link: { appointmentId?: string; bookingId?: string } = {}): DraftLine {
  return { key: newKey(), kind: 'service', serviceId, quantity: 1, useCredit: true, ...link };
}

/** What the picker's value ("service:<id>", "product:<id>", "pass:<id>", "plan:<id>") adds to the sale. */
export function lineFromChoice(choice: string): DraftLine | null {
  const [kind, id] = choice.split(':');
  if (!id) return null;
  if (kind === 'service') return serviceLine(id);
  if (kind === 'pass') return { key: newKey(), kind: 'pass', passProductId: id };
  if (kind === 'plan') return { key: newKey(), kind: 'plan', planProductId: id };
  if (kind === 'product') return { key: newKey(), kind: 'product', productId: id, quantity: 1 };
  return null;
}

/** The contract's line: the credit flag is sent only when the desk turned it off (the default is on). */
export function toLineInput(line: DraftLine): SaleLineInput {
  switch (line.kind) {
    case 'service':
      return {
        kind: 'service',
        serviceId: line.serviceId,
        ...(line.quantity !== 1 ? { quantity: line.quantity } : {}),
        ...(line.appointmentId ? { appointmentId: line.appointmentId } : {}),
        ...(line.bookingId ? { bookingId: line.bookingId } : {}),
        ...(line.useCredit ? {} : { useCredit: false }),
      };
    case 'pass':
      return { kind: 'pass', passProductId: line.passProductId };
    case 'plan':
      return { kind: 'plan', planProductId: line.planProductId };
    case 'product':
      return { kind: 'product', productId: line.productId, ...(line.quantity !== 1 ? { quantity: line.quantity } : {}) };
  }
}

/** A quantity typed in a line: a whole number from 1 to 100, else the previous one stays. */
export function parseQuantity(text: string, previous: number): number {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= 100 ? n : previous;
}

/** A payment as the contract takes it (the reference only where the method has one and it was typed). */
export interface PaymentInput {
  method: PaymentMethod;
  amountMinor: number;
  reference?: string;
}

/** The payments in minor units, or the index of the first amount that is not money. */
export function parsePayments(rows: PaymentRow[], currency: string): { ok: true; payments: PaymentInput[]; paidMinor: number } | { ok: false; index: number } {
  const payments: PaymentInput[] = [];
  let paidMinor = 0;
  for (const [index, row] of rows.entries()) {
    if (!row.amount.trim()) continue;
    const amountMinor = parseMoney(row.amount, currency);
    if (amountMinor === null) return { ok: false, index };
    if (amountMinor === 0) continue;
    const reference = takesReference(row.method) ? row.reference.trim() : '';
    payments.push({ method: row.method, amountMinor, ...(reference ? { reference } : {}) });
    paidMinor += amountMinor;
  }
  return { ok: true, payments, paidMinor };
}

/** What is paid in cash: the change is worked out against it. */
export function cashPaid(payments: PaymentInput[]): number {
  return payments.filter((p) => p.method === 'cash').reduce((sum, p) => sum + p.amountMinor, 0);
}

/** The change for what was handed over: a number, nothing typed (null), not money, or less than the cash due. */
export function tenderedChange(text: string, cashMinor: number, currency: string): number | null | 'invalid' | 'short' {
  if (!text.trim()) return null;
  const tendered = parseMoney(text, currency);
  if (tendered === null) return 'invalid';
  return tendered < cashMinor ? 'short' : tendered - cashMinor;
}
