import { appointmentsOfClient, sessionBookingsOfClient } from '../db/queries/appointments';
import type { ExportSection } from './client-export-sections';

/** Every appointment and session booking, cancelled ones too, newest first. */
export const historyPart: ExportSection = async (clientId, { db }) => {
  const [appointments, bookings] = await Promise.all([appointmentsOfClient(db, clientId), sessionBookingsOfClient(db, clientId)]);
  return {
    name: 'history',
    data: {
      appointments: appointments.map((a) => ({
        id: a.id,
        service: a.serviceName,
        professional: a.staffName,
        date: a.localDate,
        start: a.localStart,
        end: a.localEnd,
        status: a.status,
        note: a.note,
        cancelReason: a.cancelReason,
        cancelledAt: a.cancelledAt,
        checkedInAt: a.checkedInAt,
        createdAt: a.createdAt,
      })),
      bookings: bookings.map((b) => ({ id: b.bookingId, session: b.title, professional: b.staffName, date: b.localDate, start: b.localStart, status: b.status })),
    },
  };
};
