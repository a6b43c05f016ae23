import { useEffect, useState } from 'react';
import type { ApiError } from '../../src-shared/api/result';
import type { CreditState } from '../../src-shared/domain/passes';
import { call } from '../api/client';
import { fullName } from '../lib/format';
import { serviceLine, type DraftLine } from './sale-draft';

/** The client a sale is for. */
export interface SaleClient {
  id: string;
  name: string;
}

/** What the sale charges when it comes from the agenda: an appointment or a session booking. */
export interface SaleOrigin {
  kind: 'appointment' | 'booking';
  id: string;
  what: string;
  startsAt: string;
  /** The professional (appointments). */
  staffName: string | null;
  creditState: CreditState;
}

export interface SalePreset {
  client: SaleClient | null;
  lines: DraftLine[];
  origin: SaleOrigin | null;
}

interface PresetInput {
  clientId?: string;
  appointmentId?: string;
  bookingId?: string;
}

/** Loads what #/checkout?cliente=…&cita=…&reserva=… starts with; `preset` stays undefined while loading. */
export function useSalePreset({ clientId, appointmentId, bookingId }: PresetInput): { preset: SalePreset | undefined; error: ApiError | undefined } {
  const [state, setState] = useState<{ preset?: SalePreset; error?: ApiError }>({});

  useEffect(() => {
    let live = true;
    void loadPreset({ clientId, appointmentId, bookingId }).then((r) => {
      if (live) setState(r.ok ? { preset: r.value } : { preset: { client: null, lines: [], origin: null }, error: r.error });
    });
    return () => {
      live = false;
    };
  }, [clientId, appointmentId, bookingId]);

  return { preset: state.preset, error: state.error };
}

type Loaded = { ok: true; value: SalePreset } | { ok: false; error: ApiError };

async function loadPreset({ clientId, appointmentId, bookingId }: PresetInput): Promise<Loaded> {
  if (appointmentId) {
    const r = await call('appointments.get', { appointmentId });
    if (!r.ok) return r;
    const a = r.value;
    return {
      ok: true,
      value: {
        client: { id: a.clientId, name: a.clientName },
        lines: [serviceLine(a.serviceId, { appointmentId: a.id })],
        origin: { kind: 'appointment', id: a.id, what: a.serviceName, startsAt: a.startsAt, staffName: a.staffName, creditState: a.creditState },
      },
    };
  }
  if (!clientId) return { ok: true, value: { client: null, lines: [], origin: null } };
  const c = await call('clients.get', { id: clientId });
  if (!c.ok) return c;
  const client = { id: c.value.id, name: fullName(c.value) };
  if (!bookingId) return { ok: true, value: { client, lines: [], origin: null } };
  return { ok: true, value: { client, lines: [], origin: await bookingOrigin(clientId, bookingId) } };
}

/** A session booking of the client: its session and credit (a session type is no service: the desk adds what to charge). */
async function bookingOrigin(clientId: string, bookingId: string): Promise<SaleOrigin | null> {
  const history = await call('clients.history', { clientId });
  const entry = history.ok ? history.value.bookings.find((b) => b.bookingId === bookingId) : undefined;
  if (!entry) return null;
  const detail = await call('sessions.get', { occurrenceId: entry.occurrenceId });
  const booking = detail.ok ? [...detail.value.bookings, ...detail.value.waitlist, ...detail.value.cancelled].find((b) => b.id === bookingId) : undefined;
  return { kind: 'booking', id: bookingId, what: entry.title, startsAt: entry.startsAt, staffName: entry.staffName, creditState: booking?.creditState ?? 'none' };
}
