import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sale } from '../../src-shared/domain/checkout';
import { useQuery } from '../api/client';
import { ErrorBanner } from '../components/bits';
import { useSettings } from '../app/settings-context';
import { href } from '../lib/router';
import { documentTitleKey } from './fiscal-format';
import { IssueFullInvoiceDialog } from './IssueFullInvoiceDialog';
import { printPage } from './print-page';
import { ReceiptSheet, shownInvoice } from './ReceiptSheet';
import { useReceiptFormat } from './receipt-format';
import { VoidSaleDialog } from './VoidSaleDialog';

/** One sale's documents: choose one, print it (80 mm ticket or A4), issue a full invoice later, void the sale, or go back to the Caja. */
export function ReceiptPage({ saleId }: { saleId: string }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const id = useId();
  const sale = useQuery('sales.get', { id: saleId });
  const [dialog, setDialog] = useState<'void' | 'full' | null>(null);
  // null: the newest document (so a void shows its corrective one, a full invoice issued later itself).
  const [chosen, setChosen] = useState<string | null>(null);
  const [format, setFormat] = useReceiptFormat();
  const s = sale.data;
  const shown = s ? shownInvoice(s, chosen) : null;
  const simplified = s ? replaceable(s) : undefined;

  return (
    <section className={`page receipt-page receipt-format-${format}`}>
      <div className="no-print receipt-controls">
        <a className="back-link" href={href({ page: 'checkout' })}>
          ← {t('checkout.backToCheckout')}
        </a>
        {s && (
          <div className="receipt-buttons">
            <div className="field field-inline">
              <label htmlFor={`${id}-format`}>{t('receipt.format')}</label>
              <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value === 'a4' ? 'a4' : 'ticket')}>
                <option value="ticket">{t('receipt.formatTicket')}</option>
                <option value="a4">{t('receipt.formatA4')}</option>
              </select>
            </div>
            <button type="button" className="button button-primary" onClick={printPage}>
              {t('checkout.print')}
            </button>
            {simplified && (
              <button type="button" className="button" onClick={() => setDialog('full')}>
                {t('receipt.issueFull')}
              </button>
            )}
            {s.clientId && (
              <a className="button" href={href({ page: 'client', id: s.clientId })}>
                {t('checkout.openCard')}
              </a>
            )}
            {s.status === 'paid' && (
              <button type="button" className="button button-danger-outline" onClick={() => setDialog('void')}>
                {t('checkout.void')}
              </button>
            )}
          </div>
        )}
      </div>
      {s && s.invoices.length > 1 && (
        <div className="no-print receipt-documents" role="radiogroup" aria-label={t('receipt.documents')}>
          {s.invoices.map((i) => (
            <label key={i.id} className={`chip-choice${shown?.id === i.id ? ' chip-choice-on' : ''}`}>
              <input type="radio" name={`${id}-document`} checked={shown?.id === i.id} onChange={() => setChosen(i.id)} />
              {t('receipt.documentOption', { title: t(documentTitleKey(i.kind, settings.country)), number: i.fullNumber })}
            </label>
          ))}
        </div>
      )}
      {s?.status === 'voided' && (
        <p className="no-print banner banner-warning" role="note">
          {t('receipt.saleVoided')}
          {s.voidReason && ` ${t('checkout.voidedReason', { reason: s.voidReason })}`}
        </p>
      )}
      <ErrorBanner error={sale.error} />
      {s ? <ReceiptSheet sale={s} invoiceId={shown?.id ?? null} /> : !sale.error && <p className="muted">{t('app.loading')}</p>}
      {s && dialog === 'void' && <VoidSaleDialog sale={s} onClose={() => setDialog(null)} onVoided={() => setChosen(null)} />}
      {s && simplified && dialog === 'full' && <IssueFullInvoiceDialog sale={s} simplified={simplified} onClose={() => setDialog(null)} onIssued={() => setChosen(null)} />}
    </section>
  );
}

/** The simplified invoice a full one can still replace: the sale is paid, and it is neither cancelled nor already replaced. */
function replaceable(sale: Sale) {
  if (sale.status !== 'paid') return undefined;
  return sale.invoices.find((i) => i.kind === 'simplified' && !i.cancelled && !sale.invoices.some((o) => o.replacesNumber === i.fullNumber));
}
