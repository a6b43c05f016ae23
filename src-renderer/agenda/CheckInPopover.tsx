import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Occurrence } from '../../src-shared/domain/agenda';
import type { ApiError } from '../../src-shared/api/result';
import { useQuery } from '../api/client';
import { ErrorBanner } from '../components/bits';
import { AttendanceButtons, StatusBadge } from './panel/AttendanceButtons';
import { Popover } from './Popover';

/** Check-in from the team view: the session's bookings with Asistió / No asistió. */
export function CheckInPopover({ occurrence, label }: { occurrence: Occurrence; label: string }) {
  const { t } = useTranslation();
  return (
    <Popover className="checkin-popover" label={label} buttonLabel={label} buttonText={`✓ ${t('team.checkIn')}`}>
      {() => <CheckInList occurrenceId={occurrence.id} title={occurrence.title} />}
    </Popover>
  );
}

function CheckInList({ occurrenceId, title }: { occurrenceId: string; title: string }) {
  const { t } = useTranslation();
  const detail = useQuery('sessions.get', { occurrenceId });
  const [error, setError] = useState<ApiError | undefined>();
  const bookings = detail.data?.bookings ?? [];
  return (
    <div className="stack checkin-list">
      <h3>{t('team.checkInTitle', { title })}</h3>
      <ErrorBanner error={detail.error ?? error} onClose={error ? () => setError(undefined) : undefined} />
      {detail.data && bookings.length === 0 && <p className="muted">{t('team.noBookings')}</p>}
      <ul className="booking-list">
        {bookings.map((b) => (
          <li key={b.id} className="booking-row">
            <span className="booking-name">{b.clientName}</span>
            <StatusBadge status={b.status} />
            <span className="booking-actions">
              <AttendanceButtons booking={b} onError={setError} />
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
