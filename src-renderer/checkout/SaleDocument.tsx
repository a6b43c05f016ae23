import { useTranslation } from 'react-i18next';
import type { Sale } from '../../src-shared/domain/checkout';
import type { Invoice } from '../../src-shared/domain/fiscal';
import { useSettings } from '../app/settings-context';
import { currentLocale } from '../i18n';
import { formatMoney } from '../lib/money';
import { formatDateTime, formatTime } from '../lib/time';
import { documentTitleKey, formatIssueDate, formatRate, taxIdKey } from './fiscal-format';
import { QrCode } from './QrCode';
import { receiptNumber } from './receipt-number';
import { SaleTotalsList } from './SaleTotalsList';
import { TaxBreakdownTable } from './TaxBreakdownTable';
import '../styles/receipt.css';

interface SaleDocumentProps {
  sale: Sale;
  /** The document printed; null for a sale from before invoices (a plain receipt). */
  invoice: Invoice | null;
  methodLabel: (method: string) => string;
}

/**
 * One document of a sale as the law wants it printed (RD 1619/2012 art. 6–7; RD 1007/2023): the
 * VERI*FACTU QR and legend first, the issuer, the title by kind and its number and date, what it
 * corrects or replaces, the customer of a full invoice, lines with their VAT rate, the breakdown
 * per rate, and the payments. On an 80 mm ticket or on A4 (checkout.css).
 */
export function SaleDocument({ sale, invoice, methodLabel }: SaleDocumentProps) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const locale = currentLocale();
  const money = (minor: number) => formatMoney(minor, sale.currency, locale);
  const zone = settings.timeZone;
  const chile = settings.country === 'CL';
  const corrective = invoice?.kind === 'corrective';
  // A corrective document takes the sale's amounts back: its lines print with the document's sign.
  const sign = corrective && invoice.totalMinor < 0 ? -1 : 1;
  const later = invoice ? sale.invoices.filter((i) => i.correctsNumber === invoice.fullNumber || i.replacesNumber === invoice.fullNumber) : [];
  const taxIdLabel = t(`receipt.taxIdLabel.${taxIdKey(settings.country)}`);
  const cancelled = invoice?.cancelled ?? sale.status === 'voided';

  return (
    <article className={`print-sheet receipt${cancelled ? ' receipt-voided' : ''}`} aria-labelledby="receipt-title" data-invoice={invoice?.fullNumber}>
      {invoice?.verifactu && (
        <div className="receipt-qr">
          <QrCode className="receipt-qr-code" text={invoice.verifactu.qrUrl} label={t('receipt.qrLabel')} />
          <strong className="receipt-qr-legend">{invoice.verifactu.legend}</strong>
        </div>
      )}
      <header className="receipt-head">
        <p className="receipt-centre">{settings.name}</p>
        {invoice && (
          <address className="receipt-issuer">
            <span>{invoice.issuer.legalName}</span>
            <span>{t('receipt.taxIdOf', { label: taxIdLabel, taxId: invoice.issuer.taxId })}</span>
            {invoice.issuer.address && <span>{invoice.issuer.address}</span>}
          </address>
        )}
        <h1 id="receipt-title">
          {invoice ? (
            <>
              {t(documentTitleKey(invoice.kind, settings.country))} <span className="nowrap">{t('receipt.numberShort', { number: invoice.fullNumber })}</span>
            </>
          ) : (
            t('checkout.receiptNumber', { number: receiptNumber(sale) })
          )}
        </h1>
        <p className="receipt-meta">
          {invoice ? t('receipt.issued', { date: `${formatIssueDate(invoice.issueDate, locale)} ${formatTime(invoice.issuedAt, zone)}` }) : formatDateTime(sale.createdAt, zone)}
          {sale.staffName && ` · ${t('checkout.servedBy', { name: sale.staffName })}`}
        </p>
        {invoice?.correctsNumber && <p className="receipt-ref">{t('receipt.corrects', { number: invoice.correctsNumber })}</p>}
        {invoice?.correctsNumber && invoice.reason && <p className="receipt-meta">{t('receipt.correctsReason', { reason: invoice.reason })}</p>}
        {invoice?.replacesNumber && <p className="receipt-ref">{t('receipt.replaces', { number: invoice.replacesNumber })}</p>}
        {!invoice?.customer && <p className="receipt-meta">{sale.clientName ? t('checkout.receiptClient', { name: sale.clientName }) : t('checkout.walkIn')}</p>}
      </header>
      {!invoice && <p className="receipt-meta receipt-legacy">{t(sale.totalMinor === 0 ? 'receipt.nothingInvoiced' : 'receipt.legacy')}</p>}
      {cancelled && (
        <div className="receipt-void" role="note">
          <strong>{invoice ? t('receipt.cancelled') : t('checkout.voidedStamp')}</strong>
          {invoice && <span>{t('receipt.cancelledNote')}</span>}
          {sale.voidReason && <span>{t('checkout.voidedReason', { reason: sale.voidReason })}</span>}
        </div>
      )}
      {invoice?.customer && (
        <address className="receipt-customer">
          <strong>{t('receipt.customer')}</strong>
          <span>{invoice.customer.name}</span>
          <span>{t('receipt.taxIdOf', { label: taxIdLabel, taxId: invoice.customer.taxId })}</span>
          {(invoice.customer.address || invoice.customer.postcode) && <span>{[invoice.customer.address, invoice.customer.postcode].filter(Boolean).join(', ')}</span>}
          {invoice.customer.taxRegime && <span>{t('receipt.taxRegime', { value: invoice.customer.taxRegime })}</span>}
          {invoice.customer.cfdiUse && <span>{t('receipt.cfdiUse', { value: invoice.customer.cfdiUse })}</span>}
        </address>
      )}
      <table className="table receipt-lines" aria-label={t('checkout.lines')}>
        <thead>
          <tr>
            <th scope="col">{t('checkout.colItem')}</th>
            <th scope="col" className="num">
              {t('checkout.colQuantity')}
            </th>
            <th scope="col" className="num">
              {t('checkout.colPrice')}
            </th>
            {invoice && (
              <th scope="col" className="num">
                {t('receipt.colTaxRate')}
              </th>
            )}
            <th scope="col" className="num">
              {t('checkout.colAmount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {sale.lines.map((l) => (
            <tr key={l.id}>
              <td>
                <span className="stack-tight">
                  <span>{l.description}</span>
                  {l.coverageDiscountMinor > 0 && (
                    <span className="small receipt-discount">
                      {t(l.coveredBy === 'plan' ? 'checkout.receiptPlan' : 'checkout.receiptPass')} −{money(l.coverageDiscountMinor)}
                    </span>
                  )}
                  {l.promoDiscountMinor > 0 && (
                    <span className="small receipt-discount">
                      {t('checkout.receiptPromo', { code: sale.promoCode ?? '' })} −{money(l.promoDiscountMinor)}
                    </span>
                  )}
                </span>
              </td>
              <td className="num">{sign * l.quantity}</td>
              <td className="num nowrap">{money(l.unitPriceMinor)}</td>
              {invoice && <td className="num nowrap">{l.taxRateBp === null ? '' : formatRate(l.taxRateBp, locale)}</td>}
              <td className="num nowrap">{money(sign * l.totalMinor)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {invoice ? <DocumentTotals invoice={invoice} sale={sale} /> : <SaleTotalsList totals={sale} className="receipt-totals" />}
      {invoice && <TaxBreakdownTable taxes={invoice.taxes} currency={sale.currency} className="receipt-taxes" />}
      {!corrective && sale.payments.length > 0 && (
        <dl className="receipt-payments" aria-label={t('checkout.payments')}>
          {sale.payments.map((p, i) => (
            <div key={`${p.method}-${i}`}>
              <dt>
                {methodLabel(p.method)}
                {p.reference && <span className="small"> · {t(chile ? 'receipt.voucherNumber' : 'receipt.reference', { reference: p.reference })}</span>}
              </dt>
              <dd>{money(p.amountMinor)}</dd>
            </div>
          ))}
          {sale.cashTenderedMinor !== null && (
            <>
              <div className="receipt-tendered">
                <dt>{t('receipt.tendered')}</dt>
                <dd>{money(sale.cashTenderedMinor)}</dd>
              </div>
              <div className="receipt-change">
                <dt>{t('receipt.change')}</dt>
                <dd>{money(sale.changeMinor)}</dd>
              </div>
            </>
          )}
        </dl>
      )}
      {sale.boletaFolio && <p className="receipt-meta">{t('receipt.folio', { folio: sale.boletaFolio })}</p>}
      {later.map((i) => (
        <p key={i.id} className="receipt-ref">
          {t(i.kind === 'corrective' ? 'receipt.correctedBy' : 'receipt.replacedBy', { number: i.fullNumber })}
        </p>
      ))}
      {!corrective && <p className="receipt-thanks">{t('checkout.thanks')}</p>}
    </article>
  );
}

/** A document's own totals: what the plans, passes and promo took off (on a sale's invoice), the base, the tax and the total. */
function DocumentTotals({ invoice, sale }: { invoice: Invoice; sale: Sale }) {
  const { t } = useTranslation();
  const money = (minor: number) => formatMoney(minor, sale.currency, currentLocale());
  const own = invoice.kind !== 'corrective';
  return (
    <dl className="sale-totals receipt-totals" aria-label={t('checkout.totals')}>
      {own && sale.coverageDiscountMinor + sale.promoDiscountMinor > 0 && (
        <div>
          <dt>{t('checkout.subtotal')}</dt>
          <dd>{money(sale.subtotalMinor)}</dd>
        </div>
      )}
      {own && sale.coverageDiscountMinor > 0 && (
        <div>
          <dt>{t('checkout.coverageDiscount')}</dt>
          <dd>−{money(sale.coverageDiscountMinor)}</dd>
        </div>
      )}
      {own && sale.promoDiscountMinor > 0 && (
        <div>
          <dt>{sale.promoCode ? t('checkout.promoDiscountCode', { code: sale.promoCode }) : t('checkout.promoDiscount')}</dt>
          <dd>−{money(sale.promoDiscountMinor)}</dd>
        </div>
      )}
      <div>
        <dt>{t('receipt.baseTotal')}</dt>
        <dd>{money(invoice.baseTotalMinor)}</dd>
      </div>
      <div>
        <dt>{t('receipt.taxTotalLine')}</dt>
        <dd>{money(invoice.taxTotalMinor)}</dd>
      </div>
      <div className="sale-total">
        <dt>{t('checkout.total')}</dt>
        <dd>{money(invoice.totalMinor)}</dd>
      </div>
    </dl>
  );
}
