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
}

export function FiguresStrip({ title, figures, error, large }: FiguresStripProps) {
  const { t } = useTranslation();
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
  return (
    <section className={large ? 'figures figures-large' : 'figures'} aria-label={title}>
      <h2 className="figures-title">{title}</h2>
      <ErrorBanner error={error} />
      <dl className="figures-list">
        {items.map((item) => (
          <div key={item.key} className={`figure figure-${item.key}`}>
            <dt>{item.label}</dt>
            <dd>{item.value || '…'}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
