import { useEffect } from 'react';
import { useQuery } from '../api/client';
import type { BookingPreset } from '../appointments/BookAppointmentDialog';
import { fullName } from '../lib/format';
import { navigate } from '../lib/router';

interface RouteTargets {
  /** `#/agenda?sesion=…`: that session's panel opens. */
  occurrenceId: string | undefined;
  /** `#/agenda?agendar=…`: "Agendar cita" opens for that client. */
  bookFor: string | undefined;
  openOccurrence: (id: string) => void;
  book: (preset: BookingPreset) => void;
}

/**
 * Opens what the address asks for (a sync conflict's next step links here), then goes back to the
 * plain agenda address so the same link opens it again.
 */
export function useRouteTargets({ occurrenceId, bookFor, openOccurrence, book }: RouteTargets) {
  useEffect(() => {
    if (!occurrenceId) return;
    openOccurrence(occurrenceId);
    navigate({ page: 'agenda' });
  }, [occurrenceId, openOccurrence]);

  const client = useQuery('clients.get', bookFor ? { id: bookFor } : null).data;
  useEffect(() => {
    if (!bookFor || client?.id !== bookFor) return;
    book({ client: { id: client.id, name: fullName(client), phone: client.phone, blacklisted: client.blacklisted } });
    navigate({ page: 'agenda' });
  }, [bookFor, client, book]);
}
