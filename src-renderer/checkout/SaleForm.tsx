import { receiptNumber } from './receipt-number';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import { call, useQuery } from '../api/client';
import { useRequestId } from '../api/request-id';
import { useSettings } from '../app/settings-context';
import { useToast } from '../app/toasts';
import { ErrorBanner, FieldError, useErrorText } from '../components/bits';
import { TextField } from '../components/TextField';
import { currentLocale } from '../i18n';
import { formatMoney, moneyInputText, parseMoney } from '../lib/money';
import { navigate } from '../lib/router';
import { AddLinePicker } from './AddLinePicker';
import { PaymentRows } from './PaymentRows';
import { PromoCodeField } from './PromoCodeField';
import { SaleClientField } from './SaleClientField';
import { FullInvoiceRequest } from './FullInvoiceRequest';
import { customerErrorsOf, customerInput, customerProblems, emptyCustomer, type CustomerDraft } from './invoice-customer';
import { usePaymentMethods } from './payment-methods';
import { cashPaid, newKey, parsePayments, tenderedChange, toLineInput, type DraftLine, type PaymentRow } from './sale-draft';
import { saleErrors } from './sale-errors';
import { SaleLineList } from './SaleLineList';
import { SaleOriginNote } from './SaleOriginNote';
import { SaleTotalsList } from './SaleTotalsList';
import { TaxBreakdownTable } from './TaxBreakdownTable';
import '../styles/receipt.css';
import { useSaleCatalogue } from './useSaleCatalogue';
import type { SaleClient, SalePreset } from './useSalePreset';
import { useSaleQuote } from './useSaleQuote';
import { useSaleInProgress } from '../updates/sale-in-progress';

const firstPayment = (): PaymentRow => ({ key: newKey(), method: 'cash', amount: '', auto: true, reference: '' });

/** What the desk must fix before charging, found in the form itself (each shown beside its field). */
interface LocalProblems {
  customer: ReturnType<typeof customerProblems>;
  folio?: string;
  tendered?: boolean;
}

/**
 * "Nueva venta": the client (optional), lines, promo code, totals and VAT breakdown priced by
 * checkout.quote, payments (with references, cash handed over and the change), a full invoice on
 * request, Chile's boleta folio, "Cobrar".
 */
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
  const [tendered, setTendered] = useState('');
  const [wantsInvoice, setWantsInvoice] = useState(false);
  const [customer, setCustomer] = useState<CustomerDraft>(emptyCustomer);
  const [folio, setFolio] = useState('');
  const [problems, setProblems] = useState<LocalProblems>({ customer: {} });
  const methods = usePaymentMethods().choices;
  const chile = settings.country === 'CL';
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
  const customerErrors = { ...customerErrorsOf(errors.invoiceTo, 'invoiceTo'), ...problems.customer };
  const folioError = problems.folio ?? (errors.folio ? errorText(errors.folio) : undefined);

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
    const toPay = quote.totalMinor === 0 ? [] : paid.payments;
    const cash = cashPaid(toPay);
    const change = cash > 0 ? tenderedChange(tendered, cash, currency) : null;
    // Every problem the form can see, at once, each beside its field.
    const found: LocalProblems = {
      customer: wantsInvoice ? customerProblems(customer, settings.country, { required: t('receipt.required'), taxRegime: t('receipt.taxRegimeInvalid'), cfdiUse: t('receipt.cfdiUseInvalid') }) : {},
      ...(chile && folio.trim() && !/^\d{1,12}$/.test(folio.trim()) ? { folio: t('receipt.folioInvalid') } : {}),
      ...(change === 'invalid' || change === 'short' ? { tendered: true } : {}),
    };
    setProblems(found);
    if (Object.keys(found.customer).length > 0 || found.folio || found.tendered) return;
    setBusy(true);
    const r = await call(
      'checkout.commit',
      {
        ...draft,
        payments: toPay,
        ...(typeof change === 'number' ? { cashTenderedMinor: parseMoney(tendered, currency)! } : {}),
        ...(wantsInvoice ? { invoiceTo: customerInput(customer, settings.country) } : {}),
        ...(chile && folio.trim() ? { boletaFolio: folio.trim() } : {}),
        ...(acceptBlacklisted ? { acceptBlacklisted: true } : {}),
      },
      { requestId },
    );
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
        onChange={(next) => {
          setClient(next);
          // Another client: the full invoice's details are prefilled again from their card.
          setCustomer(emptyCustomer);
        }}
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
          {priced.quote && <TaxBreakdownTable taxes={priced.quote.taxes} currency={currency} className={priced.current ? 'sale-taxes' : 'sale-taxes sale-totals-stale'} />}
        </div>
      )}
      {lines.length > 0 && total !== null && total > 0 && (
        <PaymentRows
          id={`${prefix}-payments`}
          rows={payments}
          totalMinor={total}
          currency={currency}
          methods={methods}
          onChange={setRows}
          error={errors.payments}
          tendered={tendered}
          onTendered={setTendered}
          tenderedError={errors.tendered}
          chile={chile}
        />
      )}
      {lines.length > 0 && (
        <FullInvoiceRequest
          idPrefix={`${prefix}-invoice`}
          client={client}
          on={wantsInvoice}
          onToggle={setWantsInvoice}
          customer={customer}
          onCustomer={setCustomer}
          errors={customerErrors}
        />
      )}
      {lines.length > 0 && chile && <TextField id={`${prefix}-folio`} label={t('receipt.folioLabel')} value={folio} onChange={setFolio} maxLength={12} error={folioError} />}
      {total === 0 && <p className="hint">{t('checkout.nothingToPay')}</p>}
      <ErrorBanner error={errors.banner ?? (errors.invoiceTo && Object.keys(customerErrors).length === 0 ? errors.invoiceTo : undefined)} />
      <div className="form-actions sale-actions">
        <button type="submit" className="button button-primary sale-charge" disabled={busy || !quote}>
          {busy ? t('checkout.charging') : total === null ? t('checkout.charge') : t('checkout.chargeAmount', { amount: formatMoney(total, currency, locale) })}
        </button>
      </div>
    </form>
  );
}
