import { useCallback, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../src-shared/api/error-codes';
import type { ApiError } from '../../src-shared/api/result';
import type { Appointment } from '../../src-shared/domain/appointments';
import { call } from '../api/client';
import { useToast } from '../app/toasts';
import { localToInstant, timeOfMinutes } from '../appointments/slot-times';
import { ErrorBanner, useErrorText } from '../components/bits';
import { TextField } from '../components/TextField';
import { formatDateTime } from '../lib/time';
import { ModalDialog } from './ModalDialog';

/** The refusals the desk may override (as the reschedule dialog's "override" does): the rest only say why. */
const overridable: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['slot_taken', 'outside_hours', 'before_lead_time', 'beyond_horizon', 'service_not_offered']);

interface Move {
  appointment: Appointment;
  startsAt: string;
  staffId: string;
  refusal: ApiError;
}

/**
 * Drag to reschedule (team day view and week view): the drop asks appointments.reschedule for that
 * time, with the same checks as the panel's "Reprogramar"; a time that is not free opens a dialog
 * that says why and moves it anyway only with a reason (override, recorded in the audit log).
 */
export function useDragReschedule(appointments: Appointment[], timeZone: string): {
  drop: (appointmentId: string, date: string, minutes: number, staffId?: string) => void;
  dialog: ReactNode;
} {
  const { t } = useTranslation();
  const toast = useToast();
  const errorText = useErrorText();
  const [move, setMove] = useState<Move | null>(null);

  const done = useCallback(
    (moved: Appointment) => toast(t('appointments.rescheduled', { when: formatDateTime(moved.startsAt, timeZone), staff: moved.staffName })),
    [t, timeZone, toast],
  );

  const drop = useCallback(
    (appointmentId: string, date: string, minutes: number, staffId?: string) => {
      const appointment = appointments.find((a) => a.id === appointmentId);
      if (!appointment || appointment.status !== 'booked') return;
      const startsAt = localToInstant(date, timeOfMinutes(minutes), timeZone);
      const toStaff = staffId ?? appointment.staffId;
      if (startsAt === appointment.startsAt && toStaff === appointment.staffId) return;
      void (async () => {
        const r = await call('appointments.reschedule', { appointmentId, startsAt, ...(toStaff !== appointment.staffId ? { staffId: toStaff } : {}) });
        if (r.ok) done(r.value);
        else if (overridable.has(r.error.code)) setMove({ appointment, startsAt, staffId: toStaff, refusal: r.error });
        else toast(errorText(r.error), 'error');
      })();
    },
    [appointments, timeZone, done, toast, errorText],
  );

  const dialog = move && <OverrideMoveDialog key={`${move.appointment.id}${move.startsAt}`} move={move} timeZone={timeZone} onClose={() => setMove(null)} onMoved={done} />;
  return { drop, dialog };
}

function OverrideMoveDialog({ move, timeZone, onClose, onMoved }: { move: Move; timeZone: string; onClose: () => void; onMoved: (a: Appointment) => void }) {
  const { t } = useTranslation();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const errorText = useErrorText();
  const a = move.appointment;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!reason.trim()) {
      setReasonError(t('calendar.drag.overrideReasonRequired'));
      document.getElementById(reasonId)?.focus();
      return;
    }
    setBusy(true);
    const r = await call('appointments.reschedule', {
      appointmentId: a.id,
      startsAt: move.startsAt,
      ...(move.staffId !== a.staffId ? { staffId: move.staffId } : {}),
      override: true,
      reason: reason.trim(),
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    onMoved(r.value);
    onClose();
  };

  return (
    <ModalDialog title={t('calendar.drag.overrideTitle')} onClose={onClose} className="series-dialog drag-override-dialog">
      <form noValidate className="series-form" onSubmit={(e) => void submit(e)}>
        <p className="banner banner-warning" role="status">
          {errorText(move.refusal)}
        </p>
        <p>{t('calendar.drag.overrideIntro', { client: a.clientName, service: a.serviceName, when: formatDateTime(move.startsAt, timeZone), staff: a.staffName })}</p>
        <TextField
          id={reasonId}
          label={t('calendar.drag.overrideReason')}
          value={reason}
          onChange={(v) => {
            setReason(v);
            setReasonError(undefined);
          }}
          error={reasonError}
          multiline
          maxLength={300}
          autoFocus
        />
        <ErrorBanner error={error} onClose={() => setError(undefined)} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('calendar.drag.back')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('calendar.drag.moving') : t('calendar.drag.overrideConfirm')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
