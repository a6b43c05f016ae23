import type { BookingStatus } from '../domain/agenda';
import type { Language } from '../domain/centre';

/** The words of the printed daily list outside the renderer (the CLI's text and PDF). */
export const dailyListText: Record<
  Language,
  { title: string; columns: [string, string, string, string, string, string, string]; empty: string; status: Record<BookingStatus, string> }
> = {
  es: {
    title: 'Lista del día',
    columns: ['Hora', 'Cliente', 'Teléfono', 'Sesión o servicio', 'Profesional', 'Estado', 'Notas'],
    empty: 'No hay nadie citado este día.',
    status: { booked: 'Reservado', waitlisted: 'En espera', attended: 'Asistió', no_show: 'No asistió', cancelled: 'Cancelado' },
  },
  en: {
    title: 'Daily list',
    columns: ['Time', 'Client', 'Phone', 'Session or service', 'Professional', 'Status', 'Notes'],
    empty: 'Nobody is booked on this day.',
    status: { booked: 'Booked', waitlisted: 'Waitlisted', attended: 'Attended', no_show: 'No-show', cancelled: 'Cancelled' },
  },
};
