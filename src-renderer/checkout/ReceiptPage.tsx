import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/client';
import { ErrorBanner } from '../components/bits';
import { href } from '../lib/router';
import { printPage } from './print-page';
import { ReceiptSheet } from './ReceiptSheet';
import { VoidSaleDialog } from './VoidSaleDialog';

/** One sale's receipt: print it, void the sale with a reason, or go back to the Caja. */
export function ReceiptPage({ saleId }: { saleId: string }) {
  const { t } = useTranslation();
  const sale = useQuery('sales.get', { id: saleId });
  const [voiding, setVoiding] = useState(false);
  const s = sale.data;

  return (
    <section className="page receipt-page">
      <div className="no-print receipt-controls">
        <a className="back-link" href={href({ page: 'checkout' })}>
          ← {t('checkout.backToCheckout')}
        </a>
        {s && (
          <div className="receipt-buttons">
            <button type="button" className="button button-primary" onClick={printPage}>
              {t('checkout.print')}
            </button>
            {s.clientId && (
              <a className="button" href={href({ page: 'client', id: s.clientId })}>
                {t('checkout.openCard')}
              </a>
            )}
            {s.status === 'paid' && (
              <button type="button" className="button button-danger-outline" onClick={() => setVoiding(true)}>
                {t('checkout.void')}
              </button>
            )}
          </div>
        )}
      </div>
      <ErrorBanner error={sale.error} />
      {s ? <ReceiptSheet sale={s} /> : !sale.error && <p className="muted">{t('app.loading')}</p>}
      {s && voiding && <VoidSaleDialog sale={s} onClose={() => setVoiding(false)} />}
    </section>
  );
}
