import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { Sale } from '../../src-shared/domain/checkout';
import type { Invoice } from '../../src-shared/domain/fiscal';
import { call, useQuery } from '../api/client';
import { useRequestId } from '../api/request-id';
import { useSettings } from '../app/settings-context';
import { useToast } from '../app/toasts';
import { ErrorBanner } from '../components/bits';
import { Dialog } from '../components/Dialog';
import { InvoiceCustomerFields } from './InvoiceCustomerFields';
import { customerErrorsOf, customerFromClient, customerInput, customerProblems, emptyCustomer, type CustomerDraft } from './invoice-customer';

/** "Emitir factura completa" for a client who asks later: a full invoice in their name replacing the sale's simplified one (Spain: F3). */
export function IssueFullInvoiceDialog({ sale, simplified, onClose, onIssued }: { sale: Sale; simplified: Invoice; onClose: () => void; onIssued: (invoice: Invoice) => void }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const toast = useToast();
  const id = useId();
  const requestId = useRequestId();
  const card = useQuery('clients.get', sale.clientId ? { id: sale.clientId } : null).data;
  const [customer, setCustomer] = useState<CustomerDraft>(emptyCustomer);
  const [touched, setTouched] = useState(false);
  const [problems, setProblems] = useState<ReturnType<typeof customerProblems>>({});
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);

  // Prefilled once the client's card arrives, unless the desk already typed.
  useEffect(() => {
    if (card && !touched) setCustomer(customerFromClient(card));
  }, [card, touched]);

  const confirm = async () => {
    const found = customerProblems(customer, settings.country, { required: t('receipt.required'), taxRegime: t('receipt.taxRegimeInvalid'), cfdiUse: t('receipt.cfdiUseInvalid') });
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const r = await call('invoices.issueFull', { saleId: sale.id, customer: customerInput(customer, settings.country) }, { requestId });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    toast(t('receipt.issuedFull', { number: r.value.fullNumber }));
    onIssued(r.value);
    onClose();
  };

  const serverErrors = customerErrorsOf(error, 'customer');
  const errors = { ...serverErrors, ...problems };
  return (
    <Dialog title={t('receipt.issueFullTitle')} confirmLabel={t('receipt.issueFullConfirm')} busy={busy} onConfirm={confirm} onClose={onClose}>
      <p>{t('receipt.issueFullText', { number: simplified.fullNumber })}</p>
      <InvoiceCustomerFields
        idPrefix={id}
        value={customer}
        country={settings.country}
        errors={errors}
        onChange={(value) => {
          setTouched(true);
          setCustomer(value);
        }}
      />
      <ErrorBanner error={Object.keys(serverErrors).length > 0 ? undefined : error} />
    </Dialog>
  );
}
