import type Sqlite from 'better-sqlite3';
import { newId } from '../../src-main/engine/ids';
import { instantToLocal } from '../../src-main/engine/time/local-time';

/**
 * A client's past written straight into the file (the API books only from now on): appointments,
 * class bookings in occurrences of an existing series, and sales. Used by the statistics tests and
 * the card.stats bench; rows have the exact shape the API writes.
 */
export interface HistoryWriter {
  appointment(row: { clientId: string; staffId: string; serviceId: string; startsAt: string; status: 'booked' | 'attended' | 'no_show' | 'cancelled'; cancelledAt?: string; createdAt?: string }): string;
  /** A booking in a new occurrence of `seriesId` starting at `startsAt`. */
  booking(row: {
    clientId: string;
    seriesId: string;
    title: string;
    organizerId: string;
    startsAt: string;
    status: 'booked' | 'attended' | 'no_show' | 'cancelled';
    cancelledAt?: string;
    occurrenceStatus?: 'scheduled' | 'cancelled';
    createdAt?: string;
  }): string;
  sale(row: { clientId: string; totalMinor: number; at: string; voided?: boolean }): string;
}

const MINUTE_MS = 60_000;

export function historyWriter(sqlite: Sqlite.Database, timeZone: string): HistoryWriter {
  const insertAppointment = sqlite.prepare(`
    INSERT INTO appointments (id, client_id, staff_id, service_id, schedule_id, starts_at, ends_at, local_date, local_start, local_end,
      buffer_before_min, buffer_after_min, blocked_from, blocked_until, status, overridden, source, note, cancel_reason, cancelled_at,
      checked_in_at, created_at, updated_at)
    VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, NULL, 'desk', NULL, NULL, ?, NULL, ?, ?)`);
  const insertOccurrence = sqlite.prepare(`
    INSERT INTO occurrences (id, series_id, series_date, local_date, local_start, starts_at, ends_at, title, organizer_id, places, status, edited, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 10, ?, 1, ?, ?)`);
  const insertBooking = sqlite.prepare(`
    INSERT INTO bookings (id, occurrence_id, client_id, status, waitlist_position, over_places, source, booked_by, cancelled_at, checked_in_at, created_at, updated_at)
    VALUES (?, ?, ?, ?, NULL, 0, 'desk', NULL, ?, NULL, ?, ?)`);
  const insertSale = sqlite.prepare(`
    INSERT INTO sales (id, series, number, client_id, status, currency, subtotal_minor, coverage_discount_minor, promo_discount_minor, total_minor,
      promo_code_id, staff_id, void_reason, voided_at, created_at, updated_at)
    VALUES (?, 'HIST', (SELECT coalesce(max(number), 0) + 1 FROM sales WHERE series = 'HIST'), ?, ?, 'EUR', ?, 0, 0, ?, NULL, NULL, ?, ?, ?, ?)`);
  const local = (iso: string) => instantToLocal(new Date(iso), timeZone);
  return {
    appointment(r) {
      const id = newId();
      const ends = new Date(Date.parse(r.startsAt) + 45 * MINUTE_MS).toISOString();
      const s = local(r.startsAt);
      const created = r.createdAt ?? new Date(Date.parse(r.startsAt) - 7 * 24 * 60 * MINUTE_MS).toISOString();
      insertAppointment.run(id, r.clientId, r.staffId, r.serviceId, r.startsAt, ends, s.date, s.time, local(ends).time, r.startsAt, ends, r.status, r.cancelledAt ?? null, created, r.cancelledAt ?? created);
      return id;
    },
    booking(r) {
      const occurrenceId = newId();
      const ends = new Date(Date.parse(r.startsAt) + 60 * MINUTE_MS).toISOString();
      const s = local(r.startsAt);
      const created = r.createdAt ?? new Date(Date.parse(r.startsAt) - 7 * 24 * 60 * MINUTE_MS).toISOString();
      insertOccurrence.run(occurrenceId, r.seriesId, s.date, s.date, s.time, r.startsAt, ends, r.title, r.organizerId, r.occurrenceStatus ?? 'scheduled', created, created);
      const id = newId();
      insertBooking.run(id, occurrenceId, r.clientId, r.status, r.cancelledAt ?? null, created, r.cancelledAt ?? created);
      return id;
    },
    sale(r) {
      const id = newId();
      insertSale.run(id, r.clientId, r.voided ? 'voided' : 'paid', r.totalMinor, r.totalMinor, r.voided ? 'Error' : null, r.voided ? r.at : null, r.at, r.at);
      return id;
    },
  };
}
