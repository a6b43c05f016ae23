import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { InvoiceCustomerFields } from './InvoiceCustomerFields';
import { customerFromClient, emptyCustomer, type CustomerDraft, type CustomerField } from './invoice-customer';
import type { SaleClient } from './useSalePreset';

interface FullInvoiceRequestProps {
  idPrefix: string;
  client: SaleClient | null;
  on: boolean;
  onToggle: (on: boolean) => void;
  customer: CustomerDraft;
  onCustomer: (customer: CustomerDraft) => void;
  errors: Partial<Record<CustomerField, string>>;
}

/** "Factura completa" at checkout: ticked, the customer's tax details, prefilled from the client's card when the sale has a client. */
export function FullInvoiceRequest({ idPrefix, client, on, onToggle, customer, onCustomer, errors }: FullInvoiceRequestProps) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const hintId = useId();
  const card = useQuery('clients.get', on && client ? { id: client.id } : null).data;

  // Prefilled when ticked (or the client changes) while nothing was typed yet.
  const untouched = Object.values(customer).every((v) => v === '');
  useEffect(() => {
    if (on && card && untouched) onCustomer(customerFromClient(card));
  }, [on, card, untouched, onCustomer]);

  return (
    <div className="sale-invoice">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={on}
          aria-describedby={hintId}
          onChange={(e) => {
            onToggle(e.target.checked);
            if (!e.target.checked) onCustomer(emptyCustomer);
          }}
        />
        {t('receipt.fullInvoice')}
      </label>
      <span id={hintId} className="small muted">
        {t('receipt.fullInvoiceHint')}
      </span>
      {on && <InvoiceCustomerFields idPrefix={idPrefix} value={customer} country={settings.country} errors={errors} onChange={onCustomer} />}
    </div>
  );
}
