import type { TagMatch } from './agenda';
import type { CreditState } from './passes';

/** One bookable range of a weekday, in the centre's local time: start < end, end may be 24:00. */
export interface WeeklyRange {
  /** 1..7, Monday = 1. */
  weekday: number;
  start: string;
  end: string;
}

/** A range of hours on one date (an exception's different hours). */
export interface TimeRange {
  start: string;
  end: string;
}

/** Who may see a schedule's slots when clients book themselves. */
export type ScheduleVisibility = 'all' | 'tags';

/** A professional's bookable hours for one-to-one appointments of some services (seed 000 §5). */
export interface AppointmentSchedule {
  id: string;
  staffId: string;
  staffName: string;
  name: string;
  /** Length of one appointment. */
  durationMin: number;
  /** Time kept free before and after each appointment. */
  bufferBeforeMin: number;
  bufferAfterMin: number;
  /** How soon before its start a slot may still be booked. */
  leadTimeMin: number;
  /** How many days ahead booking is open. */
  horizonDays: number;
  visibility: ScheduleVisibility;
  tagMatch: TagMatch;
  tagIds: string[];
  /** Stored here; checkout enforces it. */
  redeemableWithPasses: boolean;
  active: boolean;
  serviceIds: string[];
  /** Sorted by weekday, then start. */
  ranges: WeeklyRange[];
}

export const exceptionKinds = ['day_off', 'hours'] as const;
export type ExceptionKind = (typeof exceptionKinds)[number];

/** A date on which a professional does not follow their weekly hours: a day off or different hours. */
export interface ScheduleException {
  id: string;
  staffId: string;
  /** null: every schedule of the professional. */
  scheduleId: string | null;
  date: string;
  kind: ExceptionKind;
  /** The hours of that date (kind 'hours' only). */
  ranges: TimeRange[];
  note: string | null;
}

/** A date the whole centre is closed: no appointment slots. */
export interface CentreHoliday {
  date: string;
  name: string;
}

/** Who can take a free slot, and until when (schedules may differ in length). */
export interface SlotOption {
  staffId: string;
  staffName: string;
  scheduleId: string;
  endsAt: string;
}

/** A start time at which at least one professional is free for the service. */
export interface FreeSlot {
  startsAt: string;
  localDate: string;
  localStart: string;
  /** One per professional free at it, by name: for "any professional", the first few only. */
  options: SlotOption[];
  /** Other professionals are free at it too (absent: `options` is everyone). slots.find with `at` lists them all. */
  moreOptions?: true;
}

export const appointmentStatuses = ['booked', 'attended', 'no_show', 'cancelled'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

/** The rules a staff override let an appointment break, recorded on it. */
export const overrideRules = ['outside_hours', 'busy', 'lead_time', 'horizon', 'not_offered'] as const;
export type OverrideRule = (typeof overrideRules)[number];

export interface Appointment {
  id: string;
  clientId: string;
  clientName: string;
  phone: string | null;
  /** The client's card has notes the desk should see. */
  /** Appointment messages may be sent (no withdrawal of consent recorded): the WhatsApp template is offered. */
  messagesAllowed: boolean;
  hasNotes: boolean;
  staffId: string;
  staffName: string;
  colour: string;
  serviceId: string;
  serviceName: string;
  scheduleId: string | null;
  /** ISO UTC instants. */
  startsAt: string;
  endsAt: string;
  /** Wall-clock date and times in the centre's zone. */
  localDate: string;
  localStart: string;
  localEnd: string;
  bufferBeforeMin: number;
  bufferAfterMin: number;
  status: AppointmentStatus;
  /** Empty unless staff booked it with an override. */
  overridden: OverrideRule[];
  source: 'desk' | 'client';
  /** A plan or pass credit paying it: pending until the desk redeems it. */
  creditState: CreditState;
  clientPassId: string | null;
  note: string | null;
  cancelReason: string | null;
  cancelledAt: string | null;
  checkedInAt: string | null;
  createdAt: string;
}

/** A session booking as the client's history lists it. */
export interface HistoryBooking {
  bookingId: string;
  occurrenceId: string;
  title: string;
  staffName: string;
  startsAt: string;
  localDate: string;
  localStart: string;
  status: 'booked' | 'waitlisted' | 'attended' | 'no_show' | 'cancelled';
}

/** Everything a client booked, newest first. */
export interface ClientHistory {
  appointments: Appointment[];
  bookings: HistoryBooking[];
}
