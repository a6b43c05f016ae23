import { useCallback, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../../src-shared/api/result';
import type { Appointment } from '../../src-shared/domain/appointments';
import { useSettings } from '../app/settings-context';
import { useToast, type ToastAction } from '../app/toasts';
import { todayIn } from '../lib/time';
import { resolveChoice, withChange, type SlotChoice } from './slot-choice';
import { useBookableCatalogue } from './useBookableCatalogue';
import { useChoiceErrors, type ChoiceField } from './useChoiceErrors';

/** The start and professional resolveChoice settled on. */
export type ResolvedStart = Extract<ReturnType<typeof resolveChoice>, { ok: true }>;

interface SlotRequest {
  /** The call that books or moves the appointment at the resolved start. */
  send: (start: ResolvedStart) => Promise<ApiResult<Appointment>>;
  /** What the toast says once it is done. */
  toast: (appointment: Appointment) => string;
  /** A next step the toast offers ("Ver en la agenda"). */
  toastAction?: (appointment: Appointment) => ToastAction;
  onDone?: (appointment: Appointment) => void;
}

/**
 * What the booking and reschedule dialogs share: the slot choice (`initial` gets the centre's today)
 * and the catalogue it picks from, errors beside their fields (the override's own time while it is
 * used), and the submit: the start resolved (or the field to fix), the call, its refusal shown, or a
 * toast and the dialog closed.
 */
export function useSlotDialog(initial: (today: string) => SlotChoice, onClose: () => void) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const showToast = useToast();
  const prefix = useId();
  const timeZone = settings.timeZone;
  const [choice, setChoice] = useState<SlotChoice>(() => initial(todayIn(timeZone)));
  const [busy, setBusy] = useState(false);
  const catalogue = useBookableCatalogue(choice.override);
  const focusId = (field: ChoiceField) => (field === 'startsAt' && choice.override ? `${prefix}-overrideTime` : `${prefix}-${field}`);
  const { errors, banner, show, clearBanner } = useChoiceErrors(focusId);
  const change = useCallback((patch: Partial<SlotChoice>) => setChoice((c) => withChange(c, patch)), []);

  const submit = async (e: FormEvent, request: SlotRequest) => {
    e.preventDefault();
    if (busy) return;
    const start = resolveChoice(choice, timeZone, {
      serviceRequired: t('appointments.serviceRequired'),
      staffRequired: t('appointments.staffRequired'),
      timeRequired: t('appointments.timeRequired'),
    });
    if (!start.ok) return show(start.error);
    setBusy(true);
    const r = await request.send(start);
    setBusy(false);
    if (!r.ok) return show(r.error);
    showToast(request.toast(r.value), 'info', request.toastAction?.(r.value));
    request.onDone?.(r.value);
    onClose();
  };

  return { prefix, timeZone, choice, change, catalogue, errors, banner, show, clearBanner, busy, submit };
}
