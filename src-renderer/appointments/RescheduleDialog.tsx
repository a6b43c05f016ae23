import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../src-shared/domain/appointments';
import { ModalDialog } from '../agenda/ModalDialog';
import { call } from '../api/client';
import { ErrorBanner } from '../components/bits';
import { CancelSaveButtons } from '../components/CancelSaveButtons';
import { TextField } from '../components/TextField';
import { formatDateTime } from '../lib/time';
import { ServiceStaffFields } from './ServiceStaffFields';
import { newChoice } from './slot-choice';
import { SlotTimeFields } from './SlotTimeFields';
import { useSlotDialog } from './useSlotDialog';

/** "Reprogramar": the slot picker for the same service, then appointments.reschedule. */
export function RescheduleDialog({ appointment: a, onClose }: { appointment: Appointment; onClose: () => void }) {
  const { t } = useTranslation();
  const { prefix, timeZone, choice, change, catalogue, errors, banner, clearBanner, busy, submit } = useSlotDialog(
    (today) =>
      newChoice({
        serviceId: a.serviceId,
        staffId: a.staffId,
        date: a.localDate > today ? a.localDate : today,
        overrideTime: a.localStart,
        movingAppointmentId: a.id,
      }),
    onClose,
  );
  // With the override: why, kept in the audit log (as a drag onto a busy time asks).
  const [reason, setReason] = useState('');

  const reschedule = (e: FormEvent) =>
    void submit(e, {
      send: (start) =>
        call('appointments.reschedule', {
          appointmentId: a.id,
          startsAt: start.startsAt,
          staffId: start.staffId,
          ...(start.override ? { override: true, ...(reason.trim() ? { reason: reason.trim() } : {}) } : {}),
        }),
      toast: (moved) => t('appointments.rescheduled', { when: formatDateTime(moved.startsAt, timeZone), staff: moved.staffName }),
    });

  return (
    <ModalDialog title={t('appointments.rescheduleTitle', { name: a.clientName })} onClose={onClose} className="series-dialog appointment-dialog">
      <form noValidate className="series-form" onSubmit={reschedule}>
        <p className="muted">
          <strong>{a.serviceName}</strong> · {t('appointments.currentTime', { when: formatDateTime(a.startsAt, timeZone), staff: a.staffName })}
        </p>
        <ServiceStaffFields idPrefix={prefix} choice={choice} onChange={change} catalogue={catalogue} errors={errors} showService={false} />
        <SlotTimeFields prefix={prefix} choice={choice} onChange={change} timeZone={timeZone} error={errors.startsAt} />
        {choice.override && <TextField id={`${prefix}-reason`} label={t('calendar.overrideReasonOptional')} value={reason} onChange={setReason} error={undefined} maxLength={300} />}
        <ErrorBanner error={banner} onClose={clearBanner} />
        <div className="dialog-actions">
          <CancelSaveButtons onCancel={onClose} saving={busy} label={t('appointments.rescheduleConfirm')} />
        </div>
      </form>
    </ModalDialog>
  );
}
