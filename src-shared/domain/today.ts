import type { CreditState } from './passes';

/** Where an attended (checked-in) person is: arrived, being seen, finished. */
export const attendanceStages = ['arrived', 'in_service', 'done'] as const;
export type AttendanceStage = (typeof attendanceStages)[number];

/** What the "Hoy" board shows for a person, from the booking's or appointment's status and stage. */
export const todayStatuses = ['expected', 'arrived', 'in_service', 'done', 'no_show', 'cancelled'] as const;
export type TodayStatus = (typeof todayStatuses)[number];

/** One person expected today: a place in a session, or an appointment. */
export interface TodayEntry {
  kind: 'session' | 'appointment';
  /** The booking's id (session) or the appointment's id. */
  id: string;
  occurrenceId: string | null;
  startsAt: string;
  endsAt: string;
  /** HH:MM local. */
  time: string;
  what: string;
  professional: string;
  staffId: string;
  clientId: string;
  clientName: string;
  phone: string | null;
  status: TodayStatus;
  /** Appointment messages may be sent (no withdrawal of consent recorded): the WhatsApp template is offered. */
  messagesAllowed: boolean;
  checkedInAt: string | null;
  inServiceAt: string | null;
  doneAt: string | null;
  creditState: CreditState;
  /** A sale (not voided) charged this booking or appointment. */
  paid: boolean;
  /** The client's card notes (allergies, important notes), or null. */
  notes: string | null;
  /** No attended visit before today. */
  firstVisit: boolean;
}

export interface TodayBoard {
  date: string;
  entries: TodayEntry[];
}
