import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../src-shared/domain/appointments';
import { ModalDialog } from '../agenda/ModalDialog';
import { call, useQuery } from '../api/client';
import { ErrorBanner } from '../components/bits';
import { CancelSaveButtons } from '../components/CancelSaveButtons';
import { TextField } from '../components/TextField';
import { navigate } from '../lib/router';
import { formatDateTime } from '../lib/time';
import { ClientPicker, type PickedClient } from './ClientPicker';
import { CoverageNotice } from './CoverageNotice';
import { ServiceStaffFields } from './ServiceStaffFields';
import { newChoice } from './slot-choice';
import { SlotTimeFields } from './SlotTimeFields';
import { useSlotDialog } from './useSlotDialog';

export interface BookingPreset {
  /** From the client's card: the client is set and stays. */
  client?: PickedClient;
  /** From "Por reservar": the service the client bought and has not booked yet. */
  serviceId?: string;
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
  const [client, setClient] = useState<PickedClient | null>(preset.client ?? null);
  const [note, setNote] = useState('');
  const [payWithCredit, setPayWithCredit] = useState(true);
  const { prefix, timeZone, choice, change, catalogue, errors, banner, show, clearBanner, busy, submit } = useSlotDialog(
    (today) =>
      newChoice({
        date: preset.date && preset.date > today ? preset.date : today,
        staffId: preset.staffId ?? '',
        serviceId: preset.serviceId ?? '',
        wantedTime: preset.time ?? null,
        overrideTime: preset.time ?? '',
        // Not a full today: the first day with free times (a time clicked in the team view keeps its day).
        firstFree: !preset.time,
      }),
    onClose,
  );

  // Which plan or pass covers the service on the chosen day (seed 002): said before booking.
  const coverageDate = choice.chosen?.slot.localDate ?? choice.date;
  const coverage = useQuery('passes.coverage', client && choice.serviceId ? {
          clientId: client.id,
          serviceIds: [choice.serviceId],
          date: coverageDate,
          ...((choice.chosen?.option.staffId ?? choice.staffId) ? { staffId: choice.chosen?.option.staffId ?? choice.staffId } : {}),
        } : null);
  const covered = coverage.data !== undefined && coverage.data.case !== 'none';
  // The card's notes (allergies, important notes) are in front of whoever books.
  const card = useQuery('clients.get', client ? { id: client.id } : null);
  const notes = card.data && card.data.id === client?.id ? card.data.notes?.trim() : undefined;

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

  const book = (e: FormEvent) => {
    if (!client) {
      e.preventDefault();
      show({ code: 'invalid_input', message: t('appointments.clientRequired'), field: 'clientId' });
      return;
    }
    void submit(e, {
      send: async (start) => {
        const r = await call('appointments.book', {
          clientId: client.id,
          staffId: start.staffId,
          serviceId: choice.serviceId,
          startsAt: start.startsAt,
          source: 'desk',
          ...(start.override ? { override: true } : {}),
          ...(covered ? { redeemPass: payWithCredit } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        });
        // No valid credit to pay with now: said beside the client, whose passes it is about.
        return r.ok || r.error.field !== 'redeemPass' ? r : { ok: false as const, error: { ...r.error, field: 'clientId' } };
      },
      toast: (a) => t('appointments.booked', { name: client.name, when: formatDateTime(a.startsAt, timeZone), staff: a.staffName }),
      toastAction: (a) => ({ label: t('appointments.seeInAgenda'), run: () => navigate({ page: 'agenda', date: a.localDate, view: 'team' }) }),
      onDone: onBooked,
    });
  };

  return (
    <ModalDialog title={preset.client ? t('appointments.bookTitleFor', { name: preset.client.name }) : t('appointments.bookTitle')} onClose={onClose} className="series-dialog appointment-dialog">
      <form noValidate className="series-form" onSubmit={book}>
        <ClientPicker id={`${prefix}-clientId`} client={client} onChange={setClient} locked={preset.client !== undefined} error={errors.clientId} />
        {notes && (
          <div className="banner banner-warning client-notes-alert" role="note" aria-label={t('appointments.clientNotes')}>
            <strong>{t('appointments.clientNotes')}:</strong> <span className="client-notes-text">{notes}</span>
          </div>
        )}
        {catalogue.loaded && catalogue.services.length === 0 && !choice.override && <p className="banner banner-warning">{t('appointments.noServices')}</p>}
        <ServiceStaffFields
          idPrefix={prefix}
          choice={choice}
          onChange={(patch) => (patch.serviceId !== undefined ? chooseService(patch.serviceId) : change(patch))}
          catalogue={catalogue}
          errors={errors}
          showService
        />
        <SlotTimeFields prefix={prefix} choice={choice} onChange={change} timeZone={timeZone} error={errors.startsAt} />
        {client && coverage.data && (
          <CoverageNotice id={`${prefix}-coverage`} clientId={client.id} coverage={coverage.data} payWithCredit={payWithCredit} onChange={setPayWithCredit} />
        )}
        <TextField id={`${prefix}-note`} label={t('appointments.note')} value={note} onChange={setNote} error={errors.note} multiline maxLength={500} />
        <ErrorBanner error={banner} onClose={clearBanner} />
        <div className="dialog-actions">
          <CancelSaveButtons onCancel={onClose} saving={busy} label={t('appointments.bookConfirm')} savingLabel={t('appointments.booking')} />
        </div>
      </form>
    </ModalDialog>
  );
}
