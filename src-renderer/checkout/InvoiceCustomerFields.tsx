import { useTranslation } from 'react-i18next';
import { TextField } from '../components/TextField';
import { taxIdKey } from './fiscal-format';
import type { CustomerDraft, CustomerField } from './invoice-customer';

interface InvoiceCustomerFieldsProps {
  idPrefix: string;
  value: CustomerDraft;
  country: string;
  errors: Partial<Record<CustomerField, string>>;
  onChange: (value: CustomerDraft) => void;
}

/** A full invoice's customer: name and tax id (required), address and postcode; in Mexico also the régimen fiscal and uso del CFDI. */
export function InvoiceCustomerFields({ idPrefix, value, country, errors, onChange }: InvoiceCustomerFieldsProps) {
  const { t } = useTranslation();
  const label = t(`receipt.taxIdLabel.${taxIdKey(country)}`);
  const field = (name: CustomerField, text: string, maxLength: number) => (
    <TextField id={`${idPrefix}-${name}`} label={text} value={value[name]} maxLength={maxLength} error={errors[name]} onChange={(v) => onChange({ ...value, [name]: v })} />
  );
  return (
    <fieldset className="invoice-customer">
      <legend>{t('receipt.customerData')}</legend>
      {field('name', t('receipt.customerName'), 120)}
      {field('taxId', t('receipt.customerTaxId', { label }), 20)}
      {field('address', t('receipt.customerAddress'), 200)}
      {field('postcode', t('receipt.customerPostcode'), 10)}
      {country === 'MX' && field('taxRegime', t('receipt.customerTaxRegime'), 3)}
      {country === 'MX' && field('cfdiUse', t('receipt.customerCfdiUse'), 4)}
    </fieldset>
  );
}
