import { useTranslation } from 'react-i18next';
import type { Booking } from '../../../src-shared/domain/agenda';
import type { ApiError, ApiResult } from '../../../src-shared/api/result';
import { call } from '../../api/client';

type AttendanceMark = 'attended' | 'no_show' | 'booked';

interface AttendanceToggleProps {
  /** Whose words the buttons use: a session booking's or an appointment's. */
  texts: 'occurrence' | 'appointments';
  clientName: string;
  /** Already marked attended or no-show: only Deshacer shows. */
  marked: boolean;
  save: (status: AttendanceMark) => Promise<ApiResult<unknown>>;
  onError: (error: ApiError | undefined) => void;
}

/** Asistió / No asistió, or Deshacer once marked. */
export function AttendanceToggle({ texts, clientName: name, marked, save, onError }: AttendanceToggleProps) {
  const { t } = useTranslation();
  const set = async (status: AttendanceMark) => {
    const r = await save(status);
    onError(r.ok ? undefined : r.error);
  };
  if (marked)
    return (
      <button type="button" className="button button-small" aria-label={t(`${texts}.undoFor`, { name })} onClick={() => void set('booked')}>
        {t(`${texts}.undo`)}
      </button>
    );
  return (
    <>
      <button type="button" className="button button-small button-checkin" aria-label={t(`${texts}.attendedFor`, { name })} onClick={() => void set('attended')}>
        ✓ {t(`${texts}.attended`)}
      </button>
      <button type="button" className="button button-small" aria-label={t(`${texts}.noShowFor`, { name })} onClick={() => void set('no_show')}>
        {t(`${texts}.noShow`)}
      </button>
    </>
  );
}

/** The attendance of a session booking: sessions.setAttendance. */
export function AttendanceButtons({ booking, onError }: { booking: Booking; onError: (error: ApiError | undefined) => void }) {
  return (
    <AttendanceToggle
      texts="occurrence"
      clientName={booking.clientName}
      marked={booking.status === 'attended' || booking.status === 'no_show'}
      save={(status) => call('sessions.setAttendance', { bookingId: booking.id, status })}
      onError={onError}
    />
  );
}

export function StatusBadge({ status }: { status: Booking['status'] }) {
  const { t } = useTranslation();
  return <span className={`status-badge status-${status}`}>{t(`occurrence.status.${status}`)}</span>;
}
