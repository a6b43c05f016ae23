import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { Appointment } from '../../src-shared/domain/appointments';
import { call } from '../api/client';
import { useSettings } from '../app/settings-context';
import { useToast } from '../app/toasts';
import { ErrorBanner, useErrorText } from '../components/bits';
import { Dialog } from '../components/Dialog';
import { TextField } from '../components/TextField';
import { formatDateTime } from '../lib/time';

/** "Cancelar cita" with an optional reason: appointments.cancel frees its time. */
export function CancelAppointmentDialog({ appointment: a, onClose }: { appointment: Appointment; onClose: () => void }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const toast = useToast();
  const errorText = useErrorText();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();

  const confirm = async () => {
    setBusy(true);
    const r = await call('appointments.cancel', { appointmentId: a.id, ...(reason.trim() ? { reason: reason.trim() } : {}) });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    toast(t('appointments.cancelled', { name: a.clientName }));
    onClose();
  };

  const reasonError = error?.field === 'reason' ? errorText(error) : undefined;
  return (
    <Dialog title={t('appointments.cancelTitle', { name: a.clientName })} confirmLabel={t('appointments.cancel')} danger busy={busy} onConfirm={confirm} onClose={onClose}>
      <p>{t('appointments.cancelText', { what: a.serviceName, when: formatDateTime(a.startsAt, settings.timeZone) })}</p>
      <TextField id={reasonId} label={t('appointments.cancelReason')} value={reason} onChange={setReason} error={reasonError} multiline maxLength={300} autoFocus />
      <ErrorBanner error={reasonError ? undefined : error} />
    </Dialog>
  );
}
