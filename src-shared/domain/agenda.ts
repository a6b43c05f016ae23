import type { Tag } from './tag';
import type { CreditState } from './passes';

export const eventKinds = ['session', 'meeting', 'private', 'reminder'] as const;
/** What a series is: a group session clients book, or a staff-only meeting, private event or reminder. */
export type EventKind = (typeof eventKinds)[number];
/** The agenda also shows one-to-one appointments and clients' birthdays. */
export type AgendaKind = EventKind | 'appointment' | 'birthday';

export const attendanceModes = ['booking', 'tags', 'open'] as const;
/** booking: clients must book; tags: only clients with the session's tags see and book it; open: no booking needed. */
export type AttendanceMode = (typeof attendanceModes)[number];
export type TagMatch = 'all' | 'any';
export type SessionMode = 'in_person' | 'online';

/** Weekly recurrence (seed 001): chosen weekdays, every N weeks, for N weeks or until a date. */
export interface Recurrence {
  /** 1..7, Monday = 1. */
  weekdays: number[];
  intervalWeeks: number;
  end: { kind: 'never' } | { kind: 'weeks'; weeks: number } | { kind: 'until'; date: string };
}

export interface Series {
  id: string;
  kind: EventKind;
  title: string;
  mode: SessionMode;
  onlineLink: string | null;
  organizerId: string;
  sessionTypeId: string | null;
  description: string | null;
  hasCoverImage: boolean;
  /** Local date and wall-clock time of the first occurrence, in the centre's zone. */
  startDate: string;
  startTime: string;
  durationMin: number;
  timeZone: string;
  recurrence: Recurrence | null;
  /** The RRULE text stored on the series (floating local time). */
  rrule: string | null;
  places: number | null;
  attendanceMode: AttendanceMode;
  tagMatch: TagMatch;
  tagIds: string[];
  redeemableWithPasses: boolean;
  cancelled: boolean;
}

/** One materialised occurrence of a series, with its counts, as the agenda shows it. */
export interface Occurrence {
  id: string;
  seriesId: string;
  kind: EventKind;
  title: string;
  organizerId: string;
  organizerName: string;
  colour: string;
  /** ISO UTC instants. */
  startsAt: string;
  endsAt: string;
  /** Wall-clock date and time in the centre's zone. */
  localDate: string;
  localStart: string;
  places: number | null;
  bookedCount: number;
  waitlistCount: number;
  status: 'scheduled' | 'cancelled';
  recurring: boolean;
  attendanceMode: AttendanceMode;
  redeemableWithPasses: boolean;
  mode: SessionMode;
}

export interface BirthdayEntry {
  kind: 'birthday';
  clientId: string;
  clientName: string;
  /** The day it falls on within the range asked for. */
  date: string;
  /** The age they turn, when the year of birth is known. */
  turns: number;
}

/** A day with more birthdays than the agenda lists by name: shown as one all-day entry "N cumpleaños más". */
export interface BirthdayOverflow {
  kind: 'birthday_more';
  date: string;
  /** How many more than those listed by name, counted up to a cap (a calendar day cannot show thousands). */
  more: number;
  /** The count stopped at the cap: there are at least `more` more ("95+"). */
  atLeast: boolean;
}

/**
 * A day of the month view with more appointments and occurrences than it lists: one entry "N más"
 * that opens the day (agenda.range with `perDay`).
 */
export interface EntriesOverflow {
  kind: 'entries_more';
  date: string;
  /** How many more than those listed, counted up to a cap (as BirthdayOverflow). */
  more: number;
  /** The count stopped at the cap: there are at least `more` more ("97+"). */
  atLeast: boolean;
}

export const bookingStatuses = ['booked', 'waitlisted', 'attended', 'no_show', 'cancelled'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

/** What stands between a client and a booking in one session, shown in the pickers before the desk books. */
export interface BookingEligibility {
  clientId: string;
  /** Cannot be booked while on the blacklist: no override. */
  blacklisted: boolean;
  /** The session shows only to clients with its tags and this client does not match: the desk may book them with a reason. */
  lacksTags: boolean;
  /** The session's tags the client does not hold (with tag match "any", holding one of them is enough). */
  missingTags: Tag[];
  tagMatch: 'all' | 'any';
  /** 'none': the session is paid with pass credits and the client holds no valid one (booked, the credit stays pending). */
  pass: 'valid' | 'none' | 'not_needed';
  alreadyBooked: boolean;
}

export interface Booking {
  id: string;
  occurrenceId: string;
  clientId: string;
  clientName: string;
  phone: string | null;
  /** Appointment messages may be sent (no withdrawal of consent recorded): the WhatsApp template is offered. */
  messagesAllowed: boolean;
  status: BookingStatus;
  /** 1-based place in the waitlist, only while waitlisted. */
  waitlistPosition: number | null;
  /** Booked beyond the places by an explicit staff override. */
  overPlaces: boolean;
  /** The client's card has notes (allergies, requests) the desk should see. */
  hasNotes: boolean;
  /** A pass credit for a session redeemable with passes: pending until the desk redeems it. */
  creditState: CreditState;
  clientPassId: string | null;
  /** When the desk offered a freed place to this waitlisted client; null if never. */
  offeredAt: string | null;
  createdAt: string;
}

export interface OccurrenceDetail {
  occurrence: Occurrence;
  series: Series;
  /** Booked, attended and no-show, by name. */
  bookings: Booking[];
  /** Waitlisted, in order. */
  waitlist: Booking[];
  cancelled: Booking[];
}

/** The clients whose bookings sit on occurrences a change moved or cancelled: to be told. */
export interface AffectedBooking {
  bookingId: string;
  clientId: string;
  clientName: string;
  phone: string | null;
  /** Appointment messages may be sent (no withdrawal of consent recorded): the WhatsApp template is offered. */
  messagesAllowed: boolean;
  occurrenceId: string;
  /** The occurrence's start before the change. */
  wasStartsAt: string;
  /** Its start now; null when the occurrence was cancelled. */
  nowStartsAt: string | null;
}

export interface AgendaFigures {
  totalSessions: number;
  sessionsWithFreePlaces: number;
  clientsOnWaitlists: number;
  /** Attended over booked places of sessions already over, 0–100; null when none. */
  attendancePercent: number | null;
  confirmedBookings: number;
  cancelledBookings: number;
  passesRedeemed: number;
  /** One-to-one appointments of the range: not cancelled, and cancelled. */
  appointments: number;
  cancelledAppointments: number;
}

export interface DeskNotification {
  id: string;
  kind: 'place_freed';
  occurrenceId: string;
  occurrenceTitle: string;
  startsAt: string;
  bookingId: string;
  clientId: string;
  clientName: string;
  phone: string | null;
  /** Appointment messages may be sent (no withdrawal of consent recorded): the WhatsApp template is offered. */
  messagesAllowed: boolean;
  waitlistPosition: number | null;
  createdAt: string;
}

export interface DailyListRow {
  /** A place in a group session, or a one-to-one appointment. */
  kind: 'session' | 'appointment';
  startsAt: string;
  /** HH:MM local. */
  time: string;
  /** HH:MM local: when it ends. */
  endTime: string;
  /** A session's places: held (booked or checked in) of its places (null: no limit), and how many wait; null for an appointment. */
  places: { held: number; of: number | null; waiting: number } | null;
  /** The session's occurrence, or null for an appointment. */
  occurrenceId: string | null;
  appointmentId: string | null;
  what: string;
  professional: string;
  clientId: string;
  clientName: string;
  phone: string | null;
  status: BookingStatus;
  /** The client's notes (allergies…): the daily list flags them. */
  notes: string | null;
}
