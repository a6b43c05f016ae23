import type { ApiError } from '../../src-shared/api/result';
import type { FreeSlot, SlotOption } from '../../src-shared/domain/appointments';
import { isLocalDate, isLocalTime } from '../../src-shared/time/calendar-date';
import { localToInstant } from './slot-times';

export type StepChoice = '' | 5 | 10 | 15 | 30;

/** A free time the desk picked, and who takes it. */
export interface ChosenSlot {
  slot: FreeSlot;
  option: SlotOption;
}

/** What the slot picker holds: the service, whom, the day, the picked time, or an override's own time. */
export interface SlotChoice {
  serviceId: string;
  /** '' for any professional. */
  staffId: string;
  date: string;
  stepMin: StepChoice;
  chosen: ChosenSlot | null;
  /** Staff book outside the hours or over a busy time: the time typed instead of picked. */
  override: boolean;
  overrideTime: string;
  /** A wall-clock time to pick once the day's free times are known (a click in the team view). */
  wantedTime: string | null;
  /** A new booking: once a service is chosen, move to the first day from `date` with free times (not a full today). */
  firstFree?: boolean;
  /** Rescheduling: the appointment being moved, whose own time counts as free. */
  movingAppointmentId?: string;
}

export function newChoice(patch: Partial<SlotChoice> & { date: string }): SlotChoice {
  return { serviceId: '', staffId: '', stepMin: '', chosen: null, override: false, overrideTime: '', wantedTime: null, ...patch };
}

/** A change of service, professional or day drops the picked time (it may no longer be free). */
export function withChange(choice: SlotChoice, patch: Partial<SlotChoice>): SlotChoice {
  const resets = 'serviceId' in patch || 'staffId' in patch || 'date' in patch || 'stepMin' in patch;
  const next = { ...choice, ...patch };
  if (resets && !('chosen' in patch)) next.chosen = null;
  if (patch.chosen) next.overrideTime = patch.chosen.slot.localStart;
  // A day picked by hand stays picked.
  if ('date' in patch && !('firstFree' in patch)) next.firstFree = false;
  return next;
}

/** A client-side refusal, shaped like the API's so it lands beside the same field. */
function refuse(field: string, message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code: 'invalid_input', message, field } };
}

export interface ChoiceMessages {
  serviceRequired: string;
  staffRequired: string;
  timeRequired: string;
}

/** The start and professional to book, or the field to fix first. */
export function resolveChoice(
  choice: SlotChoice,
  timeZone: string,
  messages: ChoiceMessages,
): { ok: true; startsAt: string; staffId: string; override: boolean } | { ok: false; error: ApiError } {
  if (!choice.serviceId) return refuse('serviceId', messages.serviceRequired);
  if (choice.override) {
    if (!choice.staffId) return refuse('staffId', messages.staffRequired);
    if (!isLocalDate(choice.date) || !isLocalTime(choice.overrideTime)) return refuse('startsAt', messages.timeRequired);
    return { ok: true, startsAt: localToInstant(choice.date, choice.overrideTime, timeZone), staffId: choice.staffId, override: true };
  }
  if (!choice.chosen) return refuse('startsAt', messages.timeRequired);
  return { ok: true, startsAt: choice.chosen.slot.startsAt, staffId: choice.chosen.option.staffId, override: false };
}
