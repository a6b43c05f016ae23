import type { BookingStatus } from '../domain/agenda';
import type { Language } from '../domain/centre';

interface DailyListWords {
  title: string;
  /** The tick box, time (start–end), client, phone, what, places, professional, status, notes. */
  columns: [string, string, string, string, string, string, string, string, string];
  booked: string;
  waitlist: string;
  empty: string;
  noneWaiting: string;
  printedAt: (when: string) => string;
  /** A session's places: "3/4 + 2 en espera", or "3 + 2 en espera" without a limit. */
  places: (held: number, of: number | null, waiting: number) => string;
  status: Record<BookingStatus, string>;
}

/** The words of the printed daily list outside the renderer (the CLI's text and PDF). */
export const dailyListText: Record<Language, DailyListWords> = {
  es: {
    title: 'Lista del día',
    columns: ['✓', 'Hora', 'Cliente', 'Teléfono', 'Sesión o servicio', 'Plazas', 'Profesional', 'Estado', 'Notas'],
    booked: 'Citados',
    waitlist: 'En lista de espera',
    empty: 'No hay nadie citado este día.',
    noneWaiting: 'Nadie en lista de espera.',
    printedAt: (when) => `Impresa el ${when}`,
    places: (held, of, waiting) => `${of === null ? held : `${held}/${of}`}${waiting ? ` + ${waiting} en espera` : ''}`,
    status: { booked: 'Reservado', waitlisted: 'En espera', attended: 'Asistió', no_show: 'No asistió', cancelled: 'Cancelado' },
  },
  en: {
    title: 'Daily list',
    columns: ['✓', 'Time', 'Client', 'Phone', 'Session or service', 'Places', 'Professional', 'Status', 'Notes'],
    booked: 'Booked',
    waitlist: 'On the waitlist',
    empty: 'Nobody is booked on this day.',
    noneWaiting: 'Nobody on the waitlist.',
    printedAt: (when) => `Printed on ${when}`,
    places: (held, of, waiting) => `${of === null ? held : `${held}/${of}`}${waiting ? ` + ${waiting} waiting` : ''}`,
    status: { booked: 'Booked', waitlisted: 'Waitlisted', attended: 'Attended', no_show: 'No-show', cancelled: 'Cancelled' },
  },
};
