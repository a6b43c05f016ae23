import { useTranslation } from 'react-i18next';
import { useSettings } from '../app/settings-context';
import type { FormKey } from './client-form';

/** The label of a plain field; the tax id's name depends on the centre's country. */
export function useFieldLabel(): (key: FormKey) => string {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const taxLabel = settings.country === 'CL' ? t('field.taxIdCL') : settings.country === 'ES' ? t('field.taxIdES') : t('field.taxIdOther');
  return (key) => (key === 'taxId' ? taxLabel : t(`field.${key}`));
}
