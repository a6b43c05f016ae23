import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../src-shared/domain/appointments';
import { call } from '../api/client';
import { useSettings } from '../app/settings-context';
import { ReasonDialog } from '../components/ReasonDialog';
import { formatDateTime } from '../lib/time';

/** "Cancelar cita" with an optional reason: appointments.cancel frees its time. */
export function CancelAppointmentDialog({ appointment: a, onClose }: { appointment: Appointment; onClose: () => void }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  return (
    <ReasonDialog
      title={t('appointments.cancelTitle', { name: a.clientName })}
      text={t('appointments.cancelText', { what: a.serviceName, when: formatDateTime(a.startsAt, settings.timeZone) })}
      reasonLabel={t('appointments.cancelReason')}
      confirmLabel={t('appointments.cancel')}
      maxLength={300}
      send={(reason) => call('appointments.cancel', { appointmentId: a.id, ...(reason ? { reason } : {}) })}
      done={t('appointments.cancelled', { name: a.clientName })}
      onClose={onClose}
    />
  );
}
