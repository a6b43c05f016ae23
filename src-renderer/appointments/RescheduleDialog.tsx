import { useCallback, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../src-shared/domain/appointments';
import { ModalDialog } from '../agenda/ModalDialog';
import { call } from '../api/client';
import { useSettings } from '../app/settings-context';
import { useToast } from '../app/toasts';
import { ErrorBanner } from '../components/bits';
import { formatDateTime, todayIn } from '../lib/time';
import { OverrideFields } from './OverrideFields';
import { ServiceStaffFields } from './ServiceStaffFields';
import { newChoice, resolveChoice, withChange, type SlotChoice } from './slot-choice';
import { SlotPicker } from './SlotPicker';
import { useBookableCatalogue } from './useBookableCatalogue';
import { useChoiceErrors, type ChoiceField } from './useChoiceErrors';

/** "Reprogramar": the slot picker for the same service, then appointments.reschedule. */
export function RescheduleDialog({ appointment: a, onClose }: { appointment: Appointment; onClose: () => void }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const toast = useToast();
  const prefix = useId();
  const timeZone = settings.timeZone;
  const today = todayIn(timeZone);
  const [choice, setChoice] = useState<SlotChoice>(() =>
    newChoice({
      serviceId: a.serviceId,
      staffId: a.staffId,
      date: a.localDate > today ? a.localDate : today,
      overrideTime: a.localStart,
      movingAppointmentId: a.id,
    }),
  );
  const [busy, setBusy] = useState(false);
  const catalogue = useBookableCatalogue(choice.override);
  const focusId = (field: ChoiceField) => (field === 'startsAt' && choice.override ? `${prefix}-overrideTime` : `${prefix}-${field}`);
  const { errors, banner, show, clearBanner } = useChoiceErrors(focusId);
  const change = useCallback((patch: Partial<SlotChoice>) => setChoice((c) => withChange(c, patch)), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const start = resolveChoice(choice, timeZone, {
      serviceRequired: t('appointments.serviceRequired'),
      staffRequired: t('appointments.staffRequired'),
      timeRequired: t('appointments.timeRequired'),
    });
    if (!start.ok) return show(start.error);
    setBusy(true);
    const r = await call('appointments.reschedule', {
      appointmentId: a.id,
      startsAt: start.startsAt,
      staffId: start.staffId,
      ...(start.override ? { override: true } : {}),
    });
    setBusy(false);
    if (!r.ok) return show(r.error);
    toast(t('appointments.rescheduled', { when: formatDateTime(r.value.startsAt, timeZone), staff: r.value.staffName }));
    onClose();
  };

  return (
    <ModalDialog title={t('appointments.rescheduleTitle', { name: a.clientName })} onClose={onClose} className="appointment-dialog">
      <form noValidate className="appointment-form" onSubmit={(e) => void submit(e)}>
        <p className="muted">
          <strong>{a.serviceName}</strong> · {t('appointments.currentTime', { when: formatDateTime(a.startsAt, timeZone), staff: a.staffName })}
        </p>
        <ServiceStaffFields idPrefix={prefix} choice={choice} onChange={change} catalogue={catalogue} errors={errors} showService={false} />
        <SlotPicker id={`${prefix}-startsAt`} choice={choice} onChange={change} timeZone={timeZone} error={choice.override ? undefined : errors.startsAt} />
        <OverrideFields id={`${prefix}-overrideTime`} choice={choice} onChange={change} error={choice.override ? errors.startsAt : undefined} />
        <ErrorBanner error={banner} onClose={clearBanner} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('app.saving') : t('appointments.rescheduleConfirm')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
