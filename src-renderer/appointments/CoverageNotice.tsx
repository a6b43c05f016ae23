import { useTranslation } from 'react-i18next';
import type { Coverage } from '../../src-shared/domain/passes';
import { useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { currentLocale } from '../i18n';
import { formatMoney } from '../lib/money';

interface CoverageNoticeProps {
  id: string;
  clientId: string;
  coverage: Coverage;
  payWithCredit: boolean;
  onChange: (pay: boolean) => void;
}

/**
 * What the client's plans and passes do for the chosen service on that day (seed 002): covered by a
 * plan or pass, with "Pagar con bono/plan", or what is left to pay.
 */
export function CoverageNotice({ id, clientId, coverage, payWithCredit, onChange }: CoverageNoticeProps) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const credits = useQuery('passes.ofClient', { clientId });
  const first = coverage.covered[0];
  const kind = credits.data?.find((c) => c.id === first?.passId)?.kind ?? 'plan';
  if (coverage.case === 'none' || !first)
    return (
      <p id={id} className="banner banner-warning coverage-note" role="status">
        {t('checkout.coverageNone', { amount: formatMoney(coverage.leftToPayMinor, settings.currency, currentLocale()) })}
      </p>
    );
  return (
    <div className="banner banner-info coverage-note" role="status">
      <div className="stack-tight">
        <span id={id}>{t(kind === 'pass' ? 'checkout.coveredByPass' : 'checkout.coveredByPlan', { name: first.name })}</span>
        <label className="checkbox">
          <input type="checkbox" checked={payWithCredit} aria-describedby={id} onChange={(e) => onChange(e.target.checked)} />
          {t('checkout.payWithCredit')}
        </label>
      </div>
    </div>
  );
}
