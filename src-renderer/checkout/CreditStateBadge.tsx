import { useTranslation } from 'react-i18next';
import type { CreditState } from '../../src-shared/domain/passes';

/** What a booking or appointment did with its pass or plan credit; nothing when it needs none. */
export function CreditStateBadge({ state }: { state: CreditState }) {
  const { t } = useTranslation();
  if (state === 'none') return null;
  return <span className={`badge credit-badge credit-${state}`}>{t(`checkout.credit.${state}`)}</span>;
}
