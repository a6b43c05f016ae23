import { useTranslation } from 'react-i18next';
import type { FiscalRejection } from '../../src-shared/domain/verifactu';
import { useSettings } from '../app/settings-context';
import { formatDateTime } from '../lib/time';

/** The agency's refusals (and acceptances with errors), each with its code and reason as the agency gave them. */
export function RejectionsList({ rejections, limit }: { rejections: readonly FiscalRejection[]; limit?: number }) {
  const { t } = useTranslation();
  const { timeZone } = useSettings().settings;
  if (rejections.length === 0) return <p className="small muted">{t('verifactu.noRejections')}</p>;
  return (
    <ul className="verifactu-rejections">
      {rejections.slice(0, limit).map((r) => (
        <li key={r.recordId} className={`verifactu-rejection verifactu-${r.status}`}>
          <p className="verifactu-rejection-head">
            <strong>{r.invoiceNumber}</strong> · {t(`verifactu.${r.kind}`)} · <span className="verifactu-rejection-status">{r.status === 'rejected' ? t('verifactu.rejected') : t('verifactu.acceptedWithErrors')}</span>
          </p>
          <p className="verifactu-rejection-reason">{[r.code, r.message].filter(Boolean).join(' · ')}</p>
          <p className="small muted">{formatDateTime(r.at, timeZone)}</p>
        </li>
      ))}
    </ul>
  );
}
