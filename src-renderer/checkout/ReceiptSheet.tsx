import type { Sale } from '../../src-shared/domain/checkout';
import { SaleDocument } from './SaleDocument';
import { usePaymentMethods } from './payment-methods';

/** The printable receipt: one of the sale's documents (the newest unless another is chosen), or a plain receipt for a sale from before invoices. */
export function ReceiptSheet({ sale, invoiceId }: { sale: Sale; invoiceId?: string | null }) {
  const { labelOf } = usePaymentMethods();
  return <SaleDocument sale={sale} invoice={shownInvoice(sale, invoiceId)} methodLabel={labelOf} />;
}

/** The document chosen, else the newest: after a void its corrective one, after "Emitir factura completa" the full one. */
export function shownInvoice(sale: Sale, invoiceId?: string | null) {
  return sale.invoices.find((i) => i.id === invoiceId) ?? sale.invoices.at(-1) ?? null;
}
