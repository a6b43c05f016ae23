import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../src-shared/domain/appointments';
import { ModalDialog } from '../agenda/ModalDialog';
import { call } from '../api/client';
import { useSettings } from '../app/settings-context';
import { useToast } from '../app/toasts';
import { ErrorBanner } from '../components/bits';
import { TextField } from '../components/TextField';
import { formatDateTime, todayIn } from '../lib/time';
import { ClientPicker, type PickedClient } from './ClientPicker';
import { OverrideFields } from './OverrideFields';
import { ServiceStaffFields } from './ServiceStaffFields';
import { newChoice, resolveChoice, withChange, type SlotChoice } from './slot-choice';
import { SlotPicker } from './SlotPicker';
import { useBookableCatalogue } from './useBookableCatalogue';
import { useChoiceErrors, type ChoiceField } from './useChoiceErrors';

export interface BookingPreset {
  /** From the client's card: the client is set and stays. */
  client?: PickedClient;
  staffId?: string;
  date?: string;
  /** A wall-clock time clicked in the team view: picked when it is a free slot. */
  time?: string;
}

interface BookAppointmentDialogProps {
  preset: BookingPreset;
  onClose: () => void;
  onBooked?: (appointment: Appointment) => void;
}

/** "Agendar cita": client, service, professional or any, a day, one of its free times; then appointments.book. */
export function BookAppointmentDialog({ preset, onClose, onBooked }: BookAppointmentDialogProps) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const toast = useToast();
  const prefix = useId();
  const timeZone = settings.timeZone;
  const today = todayIn(timeZone);
  const [client, setClient] = useState<PickedClient | null>(preset.client ?? null);
  const [choice, setChoice] = useState<SlotChoice>(() =>
    newChoice({
      date: preset.date && preset.date > today ? preset.date : today,
      staffId: preset.staffId ?? '',
      wantedTime: preset.time ?? null,
      overrideTime: preset.time ?? '',
    }),
  );
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const catalogue = useBookableCatalogue(choice.override);
  const focusId = (field: ChoiceField) => (field === 'startsAt' && choice.override ? `${prefix}-overrideTime` : `${prefix}-${field}`);
  const { errors, banner, show, clearBanner } = useChoiceErrors(focusId);
  const change = useCallback((patch: Partial<SlotChoice>) => setChoice((c) => withChange(c, patch)), []);

  // The one service on offer (or the first the clicked professional offers) is chosen already.
  useEffect(() => {
    if (!catalogue.loaded || choice.serviceId) return;
    const offered = choice.staffId ? catalogue.services.filter((s) => catalogue.staffFor(s.id).some((m) => m.id === choice.staffId)) : catalogue.services;
    const first = offered[0];
    if (first && (choice.staffId || offered.length === 1)) change({ serviceId: first.id });
  }, [catalogue, choice.serviceId, choice.staffId, change]);

  const chooseService = (serviceId: string) => {
    const keepStaff = !choice.staffId || choice.override || catalogue.staffFor(serviceId).some((m) => m.id === choice.staffId);
    change({ serviceId, ...(keepStaff ? {} : { staffId: '' }) });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!client) return show({ code: 'invalid_input', message: t('appointments.clientRequired'), field: 'clientId' });
    const start = resolveChoice(choice, timeZone, {
      serviceRequired: t('appointments.serviceRequired'),
      staffRequired: t('appointments.staffRequired'),
      timeRequired: t('appointments.timeRequired'),
    });
    if (!start.ok) return show(start.error);
    setBusy(true);
    const r = await call('appointments.book', {
      clientId: client.id,
      staffId: start.staffId,
      serviceId: choice.serviceId,
      startsAt: start.startsAt,
      source: 'desk',
      ...(start.override ? { override: true } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    setBusy(false);
    if (!r.ok) return show(r.error);
    toast(t('appointments.booked', { name: client.name, when: formatDateTime(r.value.startsAt, timeZone), staff: r.value.staffName }));
    onBooked?.(r.value);
    onClose();
  };

  return (
    <ModalDialog title={preset.client ? t('appointments.bookTitleFor', { name: preset.client.name }) : t('appointments.bookTitle')} onClose={onClose} className="appointment-dialog">
      <form noValidate className="appointment-form" onSubmit={(e) => void submit(e)}>
        <ClientPicker id={`${prefix}-clientId`} client={client} onChange={setClient} locked={preset.client !== undefined} error={errors.clientId} />
        {catalogue.loaded && catalogue.services.length === 0 && !choice.override && <p className="banner banner-warning">{t('appointments.noServices')}</p>}
        <ServiceStaffFields
          idPrefix={prefix}
          choice={choice}
          onChange={(patch) => (patch.serviceId !== undefined ? chooseService(patch.serviceId) : change(patch))}
          catalogue={catalogue}
          errors={errors}
          showService
        />
        <SlotPicker id={`${prefix}-startsAt`} choice={choice} onChange={change} timeZone={timeZone} error={choice.override ? undefined : errors.startsAt} />
        <OverrideFields id={`${prefix}-overrideTime`} choice={choice} onChange={change} error={choice.override ? errors.startsAt : undefined} />
        <TextField id={`${prefix}-note`} label={t('appointments.note')} value={note} onChange={setNote} error={errors.note} multiline maxLength={500} />
        <ErrorBanner error={banner} onClose={clearBanner} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('appointments.booking') : t('appointments.bookConfirm')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
