import { useTranslation } from 'react-i18next';
import type { Booking } from '../../../src-shared/domain/agenda';
import type { ApiError } from '../../../src-shared/api/result';
import { call } from '../../api/client';

/** Asistió / No asistió, or Deshacer once marked: sessions.setAttendance. */
export function AttendanceButtons({ booking, onError }: { booking: Booking; onError: (error: ApiError | undefined) => void }) {
  const { t } = useTranslation();
  const set = async (status: 'attended' | 'no_show' | 'booked') => {
    const r = await call('sessions.setAttendance', { bookingId: booking.id, status });
    onError(r.ok ? undefined : r.error);
  };
  const name = booking.clientName;
  if (booking.status === 'attended' || booking.status === 'no_show')
    return (
      <button type="button" className="button button-small" aria-label={t('occurrence.undoFor', { name })} onClick={() => void set('booked')}>
        {t('occurrence.undo')}
      </button>
    );
  return (
    <>
      <button type="button" className="button button-small button-checkin" aria-label={t('occurrence.attendedFor', { name })} onClick={() => void set('attended')}>
        ✓ {t('occurrence.attended')}
      </button>
      <button type="button" className="button button-small" aria-label={t('occurrence.noShowFor', { name })} onClick={() => void set('no_show')}>
        {t('occurrence.noShow')}
      </button>
    </>
  );
}

export function StatusBadge({ status }: { status: Booking['status'] }) {
  const { t } = useTranslation();
  return <span className={`status-badge status-${status}`}>{t(`occurrence.status.${status}`)}</span>;
}
