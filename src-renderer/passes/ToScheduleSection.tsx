import { useTranslation } from 'react-i18next';
import type { ToSchedule } from '../../src-shared/domain/passes';
import { useQuery } from '../api/client';
import { ErrorBanner } from '../components/bits';
import { PanelSection } from '../components/PanelSection';
import { formatDate } from '../lib/format';
import { href } from '../lib/router';
import { useCoverableCatalogue } from './useCoverableCatalogue';

interface ToScheduleSectionProps {
  clientId: string;
  /** "Agendar" on something that covers services: the booking dialog, for one of them. */
  onBook: (item: ToSchedule) => void;
}

/** "Por reservar" (seed 004): what the client bought and has not booked yet, each with "Agendar". */
export function ToScheduleSection({ clientId, onBook }: ToScheduleSectionProps) {
  const { t } = useTranslation();
  const items = useQuery('passes.toSchedule', { clientId });
  const catalogue = useCoverableCatalogue();
  return (
    <PanelSection id="section-to-schedule" title={t('passes.toSchedule.title')} className="card-section">
      <ErrorBanner error={items.error} />
      {items.data && items.data.length === 0 && <p className="muted">{t('passes.toSchedule.none')}</p>}
      {items.data && items.data.length > 0 && (
        <ul className="settings-list" aria-label={t('passes.toSchedule.title')}>
          {items.data.map((item) => {
            const covers = [...item.serviceIds.map(catalogue.serviceName), ...item.sessionTypeIds.map(catalogue.sessionTypeName)].join(', ');
            return (
              <li key={item.passId} className="settings-row">
                <span className="settings-row-main">
                  <strong>{item.name}</strong>
                  <span className="small muted">
                    {[t('passes.toSchedule.remaining', { count: item.remaining }), covers, t('passes.card.validUntil', { date: formatDate(item.validUntil) })].filter(Boolean).join(' · ')}
                  </span>
                </span>
                <span className="row-actions">
                  {item.serviceIds.length > 0 && (
                    <button type="button" className="button button-small button-primary" aria-label={t('passes.toSchedule.bookFor', { name: item.name })} onClick={() => onBook(item)}>
                      {t('passes.toSchedule.book')}
                    </button>
                  )}
                  {item.sessionTypeIds.length > 0 && (
                    <a className="button button-small button-primary" href={href({ page: 'agenda' })} aria-label={t('passes.toSchedule.classesFor', { name: item.name, action: item.serviceIds.length > 0 ? t('passes.toSchedule.classes') : t('passes.toSchedule.book') })}
                    >
                      {item.serviceIds.length > 0 ? t('passes.toSchedule.classes') : t('passes.toSchedule.book')}
                    </a>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </PanelSection>
  );
}
