import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaFigures } from '../../src-shared/domain/agenda';
import type { ApiError } from '../../src-shared/api/result';
import { ErrorBanner } from '../components/bits';
import { formatNumber } from '../lib/format';

/** The key figures of the sessions and appointments in a range: the month's summary and the Agendadas dashboard. */
interface FiguresStripProps {
  title: string;
  figures: AgendaFigures | undefined;
  error: ApiError | undefined;
  /** The dashboard's big cards instead of the agenda's strip. */
  large?: boolean;
  /** The agenda's one line: the key figures, the rest on demand ("Ver todas las cifras"). */
  compact?: boolean;
}

/** What the agenda's one line shows while folded. */
const keyFigures = new Set(['total', 'free', 'waitlisted', 'appointments']);

export function FiguresStrip({ title, figures, error, large, compact }: FiguresStripProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const items: { key: string; label: string; value: string }[] = [
    { key: 'total', label: t('figures.totalSessions'), value: formatNumber(figures?.totalSessions ?? null) },
    { key: 'free', label: t('figures.withFreePlaces'), value: formatNumber(figures?.sessionsWithFreePlaces ?? null) },
    { key: 'waitlisted', label: t('figures.waitlisted'), value: formatNumber(figures?.clientsOnWaitlists ?? null) },
    {
      key: 'attendance',
      label: t('figures.attendance'),
      value: figures ? (figures.attendancePercent === null ? t('figures.noAttendance') : `${formatNumber(figures.attendancePercent, 0)} %`) : '',
    },
    { key: 'confirmed', label: t('figures.confirmed'), value: formatNumber(figures?.confirmedBookings ?? null) },
    { key: 'cancelled', label: t('figures.cancelled'), value: formatNumber(figures?.cancelledBookings ?? null) },
    { key: 'passes', label: t('figures.passes'), value: formatNumber(figures?.passesRedeemed ?? null) },
    { key: 'appointments', label: t('appointments.figureAppointments'), value: formatNumber(figures?.appointments ?? null) },
    { key: 'cancelled-appointments', label: t('appointments.figureCancelled'), value: formatNumber(figures?.cancelledAppointments ?? null) },
  ];
  const folded = compact && !open;
  const className = large ? 'figures figures-large' : compact ? `figures figures-compact${open ? ' figures-open' : ''}` : 'figures';
  return (
    <section className={className} aria-label={title}>
      <h2 className="figures-title">{title}</h2>
      <ErrorBanner error={error} />
      <dl className="figures-list" id={listId}>
        {items.map((item) =>
          folded && !keyFigures.has(item.key) ? null : (
            <div key={item.key} className={`figure figure-${item.key}`} title={`${item.label}: ${item.value || '…'}`}>
              <dt>{item.label}</dt>
              <dd>{item.value || '…'}</dd>
            </div>
          ),
        )}
      </dl>
      {compact && (
        <button type="button" className="button button-small figures-toggle" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((o) => !o)}>
          {open ? t('calendar.fewerFigures') : t('calendar.moreFigures')}
        </button>
      )}
    </section>
  );
}
