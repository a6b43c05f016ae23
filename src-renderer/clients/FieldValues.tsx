import { useTranslation } from 'react-i18next';
import type { Client } from '../../src-shared/domain/client';
import type { CustomField } from '../../src-shared/domain/custom-field';
import { ageOn, formatDate, formatNumber, formatPhone } from '../lib/format';
import type { FormKey } from './client-form';

function NoValue() {
  const { t } = useTranslation();
  return <span className="muted">{t('app.none')}</span>;
}

/** A plain field of a client, formatted for reading. */
export function StandardValue({ fieldKey: key, client: c }: { fieldKey: FormKey; client: Client }) {
  const { t } = useTranslation();
  switch (key) {
    case 'phone':
      return c.phone ? <span className="nowrap">{formatPhone(c.phone)}</span> : <NoValue />;
    case 'email':
      return c.email ? <span>{c.email}</span> : <NoValue />;
    case 'birthDate': {
      if (!c.birthDate) return <NoValue />;
      const age = ageOn(c.birthDate);
      return age === null ? formatDate(c.birthDate) : `${formatDate(c.birthDate)} (${t('field.age', { count: age })})`;
    }
    case 'sex':
      return c.sex ? t(`sex.${c.sex}`) : <NoValue />;
    case 'weightKg':
    case 'heightCm':
      return c[key] === null ? <NoValue /> : formatNumber(c[key], 1);
    default: {
      const value = c[key];
      return value ? <span className="pre-line">{value}</span> : <NoValue />;
    }
  }
}

/** A custom field's value, formatted for its kind. */
export function CustomValue({ field, value }: { field: CustomField; value: string | number | undefined }) {
  if (value === undefined || value === '') return <NoValue />;
  if (field.kind === 'date') return formatDate(String(value));
  if (field.kind === 'number') return formatNumber(Number(value));
  return String(value);
}
