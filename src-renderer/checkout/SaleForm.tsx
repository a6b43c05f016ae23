import { receiptNumber } from './receipt-number';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import { call, useQuery } from '../api/client';
import { useRequestId } from '../api/request-id';
import { useSettings } from '../app/settings-context';
import { useToast } from '../app/toasts';
import { ErrorBanner, FieldError, useErrorText } from '../components/bits';
import { currentLocale } from '../i18n';
import { formatMoney, moneyInputText } from '../lib/money';
import { navigate } from '../lib/router';
import { AddLinePicker } from './AddLinePicker';
import { PaymentRows } from './PaymentRows';
import { PromoCodeField } from './PromoCodeField';
import { SaleClientField } from './SaleClientField';
import { newKey, parsePayments, toLineInput, type DraftLine, type PaymentRow } from './sale-draft';
import { saleErrors } from './sale-errors';
import { SaleLineList } from './SaleLineList';
import { SaleOriginNote } from './SaleOriginNote';
import { SaleTotalsList } from './SaleTotalsList';
import { useSaleCatalogue } from './useSaleCatalogue';
import type { SaleClient, SalePreset } from './useSalePreset';
import { useSaleQuote } from './useSaleQuote';
import { useSaleInProgress } from '../updates/sale-in-progress';

const firstPayment = (): PaymentRow => ({ key: newKey(), method: 'cash', amount: '', auto: true });

/** "Nueva venta": the client (optional), lines, promo code, totals priced by checkout.quote, payments, "Cobrar". */
export function SaleForm({ preset }: { preset: SalePreset }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const toast = useToast();
  const errorText = useErrorText();
  const prefix = useId();
  const currency = settings.currency;
  const locale = currentLocale();
  const [client, setClient] = useState<SaleClient | null>(preset.client);
  const [acceptBlacklisted, setAcceptBlacklisted] = useState(false);
  const [lines, setLines] = useState<DraftLine[]>(preset.lines);
  const [promo, setPromo] = useState<string | null>(null);
  const [rows, setRows] = useState<PaymentRow[]>(() => [firstPayment()]);
  const [committed, setCommitted] = useState<{ key: string; error: ApiError } | null>(null);
  const [busy, setBusy] = useState(false);
  // One sale, one charge: every "Cobrar" of this form is the same request.
  const requestId = useRequestId();
  const catalogue = useSaleCatalogue();
  const credits = useQuery('passes.ofClient', client ? { clientId: client.id } : null);
  const origin = preset.origin;
  // A sale is being taken once it has a line: no update restarts the app until it is charged or cleared.
  useSaleInProgress(lines.length > 0 || busy);

  const draft = lines.length > 0 ? { ...(client ? { clientId: client.id } : {}), lines: lines.map(toLineInput), ...(promo ? { promoCode: promo } : {}) } : null;
  const draftKey = JSON.stringify(draft);
  const priced = useSaleQuote(draft);
  const quote = priced.current ? priced.quote : undefined;
  const total = quote?.totalMinor ?? null;
  const payments = rows.map((r) => (r.auto ? { ...r, amount: total === null ? '' : moneyInputText(total, currency, locale) } : r));
  const commitError = committed?.key === draftKey ? committed.error : undefined;
  const errors = saleErrors(commitError ?? (priced.current ? priced.error : undefined));
  const promoError = commitError ? errors.promo : priced.current ? priced.promoError : undefined;

  const addLine = (line: DraftLine) => {
    // Charging a session booking: the first service added is what the booking is charged as.
    const linked = origin?.kind === 'booking' && line.kind === 'service' && !lines.some((l) => l.kind === 'service' && l.bookingId);
    setLines([...lines, linked ? { ...line, bookingId: origin.id } : line]);
  };

  const commit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !draft || !quote) return;
    const paid = parsePayments(payments, currency);
    if (!paid.ok) return;
    setBusy(true);
    const r = await call('checkout.commit', {
      ...draft,
      payments: quote.totalMinor === 0 ? [] : paid.payments,
      ...(acceptBlacklisted ? { acceptBlacklisted: true } : {}),
    }, { requestId });
    setBusy(false);
    if (!r.ok) return setCommitted({ key: draftKey, error: r.error });
    toast(t('checkout.committed', { number: receiptNumber(r.value), total: formatMoney(r.value.totalMinor, r.value.currency, locale) }));
    navigate({ page: 'receipt', saleId: r.value.id });
  };

  return (
    <form noValidate className="panel sale-form" aria-labelledby={`${prefix}-title`} onSubmit={(e) => void commit(e)}>
      <h2 id={`${prefix}-title`}>{t('checkout.newSale')}</h2>
      {origin && <SaleOriginNote origin={origin} hasLines={lines.length > 0} />}
      <SaleClientField
        id={`${prefix}-client`}
        client={client}
        onChange={setClient}
        locked={origin !== null}
        acceptBlacklisted={acceptBlacklisted}
        onAcceptBlacklisted={setAcceptBlacklisted}
        error={errors.client}
      />
      <AddLinePicker catalogue={catalogue} currency={currency} onAdd={addLine} />
      <SaleLineList
        idPrefix={prefix}
        lines={lines}
        priced={quote && quote.lines.length === lines.length ? quote.lines : undefined}
        catalogue={catalogue}
        credits={credits.data ?? []}
        currency={currency}
        lineError={errors.line}
        onChange={(index, line) => setLines(lines.map((l, i) => (i === index ? line : l)))}
        onRemove={(index) => setLines(lines.filter((_, i) => i !== index))}
      />
      <FieldError id={`${prefix}-lines-error`} message={errors.lines ? errorText(errors.lines) : undefined} />
      {lines.length > 0 && (
        <div className="sale-summary">
          <PromoCodeField id={`${prefix}-promo`} applied={promo} appliedAs={quote?.promoCode ?? null} onApply={setPromo} error={promoError} />
          {priced.quote && <SaleTotalsList totals={priced.quote} className={priced.current ? undefined : 'sale-totals-stale'} />}
        </div>
      )}
      {lines.length > 0 && total !== null && total > 0 && (
        <PaymentRows id={`${prefix}-payments`} rows={payments} totalMinor={total} currency={currency} onChange={setRows} error={errors.payments} />
      )}
      {total === 0 && <p className="hint">{t('checkout.nothingToPay')}</p>}
      <ErrorBanner error={errors.banner} />
      <div className="form-actions sale-actions">
        <button type="submit" className="button button-primary sale-charge" disabled={busy || !quote}>
          {busy ? t('checkout.charging') : total === null ? t('checkout.charge') : t('checkout.chargeAmount', { amount: formatMoney(total, currency, locale) })}
        </button>
      </div>
    </form>
  );
}
