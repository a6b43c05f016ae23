import { useTranslation } from 'react-i18next';
import { useSync } from './sync-context';

/** "Pendiente de confirmar" on a booking or appointment made here that the server has not confirmed yet (only while sync is on). */
export function ProvisionalBadge({ kind, id }: { kind: 'booking' | 'appointment'; id: string }) {
  const { t } = useTranslation();
  const { provisionalBookings, provisionalAppointments } = useSync();
  const provisional = kind === 'booking' ? provisionalBookings : provisionalAppointments;
  if (!provisional.has(id)) return null;
  return (
    <span className="badge badge-provisional" title={t('sync.provisionalHint')}>
      {t('sync.provisional')}
    </span>
  );
}
