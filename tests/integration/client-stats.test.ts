import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localDate } from '../../src-main/engine/time/local-date';
import { historyWriter, type HistoryWriter } from '../helpers/client-history';
import { fixClock } from '../helpers/fixed-clock';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { madrid } from './appointment-world';

/** Monday 1 March 2027, 10:00 in Madrid. */
const NOW = '2027-03-01T09:00:00.000Z';

let api: TempApi;
let history: HistoryWriter;
let w: { marta: string; corte: string; tinte: string; yogaSeries: string; ana: string };

beforeEach(async () => {
  fixClock(NOW);
  api = await openTempApi();
  history = historyWriter(api.host.database.sqlite, 'Europe/Madrid');
  const marta = (await api.call('staff.create', { name: 'Marta', role: 'professional' })).id;
  const corte = (await api.call('services.create', { name: 'Corte', durationMin: 30, priceMinor: 1800 })).id;
  const tinte = (await api.call('services.create', { name: 'Tinte', durationMin: 60, priceMinor: 4500 })).id;
  const yoga = (await api.call('sessionTypes.create', { name: 'Yoga', defaultDurationMin: 60 })).id;
  const { series } = await api.call('series.create', { title: 'Yoga tarde', organizerId: marta, sessionTypeId: yoga, startDate: '2027-03-08', startTime: '18:00', durationMin: 60, places: 8 });
  const ana = (await api.call('clients.create', { firstName: 'Ana', lastName: 'Ruiz' })).client.id;
  w = { marta, corte, tinte, yogaSeries: series.id, ana };
});
afterEach(async () => {
  vi.useRealTimers();
  await api.close();
});

const appointment = (serviceId: string, startsAt: string, status: 'booked' | 'attended' | 'no_show' | 'cancelled' = 'attended', cancelledAt?: string) =>
  history.appointment({ clientId: w.ana, staffId: w.marta, serviceId, startsAt, status, ...(cancelledAt ? { cancelledAt } : {}) });
const yogaBooking = (startsAt: string, status: 'booked' | 'attended' | 'no_show' | 'cancelled' = 'attended', more: { cancelledAt?: string; occurrenceStatus?: 'cancelled' } = {}) =>
  history.booking({ clientId: w.ana, seriesId: w.yogaSeries, title: 'Yoga tarde', organizerId: w.marta, startsAt, status, ...more });

/** A year of Ana's visits, misses and cancellations, with figures worked out by hand. */
function constructHistory() {
  appointment(w.corte, madrid('2026-01-10', '10:00'));
  appointment(w.corte, madrid('2026-01-20', '10:00'));
  appointment(w.tinte, madrid('2026-02-05', '10:00'));
  yogaBooking(madrid('2026-02-05', '18:00')); // the same day: one day between visits, two visits
  yogaBooking(madrid('2026-03-01', '18:00'), 'booked'); // past and still booked: a visit
  // Not visits:
  appointment(w.corte, madrid('2026-04-10', '10:00'), 'no_show');
  yogaBooking(madrid('2026-04-15', '18:00'), 'no_show');
  appointment(w.tinte, '2026-05-10T08:00:00.000Z', 'cancelled', '2026-05-09T21:00:00.000Z'); // 11 h before: late with 12 h
  appointment(w.tinte, '2026-05-20T08:00:00.000Z', 'cancelled', '2026-05-19T20:00:00.000Z'); // exactly 12 h before: in time
  yogaBooking('2026-06-01T16:00:00.000Z', 'cancelled', { cancelledAt: '2026-06-01T16:30:00.000Z' }); // after the start: late
  yogaBooking('2026-06-08T16:00:00.000Z', 'cancelled', { cancelledAt: '2026-06-05T16:00:00.000Z' }); // 3 days before: in time
  yogaBooking(madrid('2026-06-15', '18:00'), 'booked', { occurrenceStatus: 'cancelled' }); // the centre cancelled the class
  history.appointment({ clientId: w.ana, staffId: w.marta, serviceId: w.corte, startsAt: madrid('2027-03-10', '11:00'), status: 'booked', createdAt: NOW });
  // Sales: one at 00:30 on 1 February in Madrid (23:30 UTC on 31 January) is February's; a voided one counts nowhere.
  history.sale({ clientId: w.ana, totalMinor: 1800, at: madrid('2026-01-10', '10:45') });
  history.sale({ clientId: w.ana, totalMinor: 4500, at: '2026-01-31T23:30:00.000Z' });
  history.sale({ clientId: w.ana, totalMinor: 2000, at: madrid('2026-02-05', '11:00') });
  history.sale({ clientId: w.ana, totalMinor: 9999, at: madrid('2026-02-06', '11:00'), voided: true });
}

describe('clients.statistics', () => {
  it('gives exact figures on a constructed history', async () => {
    constructHistory();
    const stats = await api.call('clients.statistics', { clientId: w.ana });
    expect(stats).toEqual({
      currency: 'EUR',
      clientSince: '2027-03-01',
      visits: 5,
      firstVisit: madrid('2026-01-10', '10:00'),
      lastVisit: madrid('2026-03-01', '18:00'),
      lastBooking: { startsAt: madrid('2027-03-10', '11:00'), bookedAt: NOW, title: 'Corte' },
      visitsByMonth: [
        { month: '2026-01', visits: 2 },
        { month: '2026-02', visits: 2 },
        { month: '2026-03', visits: 1 },
      ],
      services: [
        { kind: 'service', id: w.corte, name: 'Corte', visits: 2, share: 0.4 },
        { kind: 'session_type', id: expect.any(String), name: 'Yoga', visits: 2, share: 0.4 },
        { kind: 'service', id: w.tinte, name: 'Tinte', visits: 1, share: 0.2 },
      ],
      // Visit days 10 Jan, 20 Jan, 5 Feb, 1 Mar: gaps 10, 16, 24.
      medianDaysBetweenVisits: 16,
      // (1800 + 4500 + 2000) / 3 = 2766.67
      averageSpendMinor: 2767,
      totalSpendMinor: 8300,
      salesCount: 3,
      spendByMonth: [
        { month: '2026-01', sales: 1, totalMinor: 1800 },
        { month: '2026-02', sales: 2, totalMinor: 6500 },
      ],
      noShows: 2,
      lateCancellations: 2,
      cancellations: 4,
      cancelWindowHours: 12,
    });
  });

  it('takes the median of an even number of gaps as the mean of the middle two', async () => {
    constructHistory();
    appointment(w.corte, madrid('2026-03-11', '10:00'));
    // Gaps 10, 16, 24, 10 → 10, 10, 16, 24 → (10 + 16) / 2.
    const stats = await api.call('clients.statistics', { clientId: w.ana });
    expect(stats.medianDaysBetweenVisits).toBe(13);
    expect(stats.services[0]).toEqual({ kind: 'service', id: w.corte, name: 'Corte', visits: 3, share: 0.5 });
  });

  it('counts late cancellations by the centre’s credit window', async () => {
    constructHistory();
    await api.call('creditPolicy.update', { cancelWindowHours: 10 });
    // 11 h before is now in time; after the start stays late.
    expect(await api.call('clients.statistics', { clientId: w.ana })).toMatchObject({ lateCancellations: 1, cancellations: 4, cancelWindowHours: 10 });
    await api.call('creditPolicy.update', { cancelWindowHours: 72 });
    // 3 days before is exactly the window: in time still; the 12-hour one is late now.
    expect(await api.call('clients.statistics', { clientId: w.ana })).toMatchObject({ lateCancellations: 3 });
  });

  it('a new client: no visits, no spend, nothing to divide by', async () => {
    expect(await api.call('clients.statistics', { clientId: w.ana })).toEqual({
      currency: 'EUR',
      clientSince: '2027-03-01',
      visits: 0,
      firstVisit: null,
      lastVisit: null,
      lastBooking: null,
      visitsByMonth: [],
      services: [],
      medianDaysBetweenVisits: null,
      averageSpendMinor: null,
      totalSpendMinor: 0,
      salesCount: 0,
      spendByMonth: [],
      noShows: 0,
      lateCancellations: 0,
      cancellations: 0,
      cancelWindowHours: 12,
    });
  });

  it('refuses an unknown client and a malformed id on the field', async () => {
    expect(await api.refuse('clients.statistics', { clientId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).toMatchObject({ code: 'not_found', field: 'clientId' });
    expect(await api.refuse('clients.statistics', { clientId: 'x' })).toMatchObject({ code: 'invalid_input', field: 'clientId' });
  });
});

/** The median of the gaps between consecutive distinct days, worked out plainly. */
function referenceMedian(days: string[]): number | null {
  const distinct = [...new Set(days)].sort();
  const gaps = distinct.slice(1).map((d, i) => (Date.parse(`${d}T00:00:00Z`) - Date.parse(`${distinct[i]}T00:00:00Z`)) / 86_400_000).sort((a, b) => a - b);
  if (gaps.length === 0) return null;
  const mid = Math.floor(gaps.length / 2);
  return gaps.length % 2 === 1 ? gaps[mid]! : (gaps[mid - 1]! + gaps[mid]!) / 2;
}

describe('clients.statistics on random histories', () => {
  it('agrees with a plain reference: the median, the months, the shares and the spend', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ daysAgo: fc.integer({ min: 1, max: 3650 }), hour: fc.integer({ min: 0, max: 23 }), kind: fc.constantFrom('corte', 'tinte', 'yoga'), status: fc.constantFrom('attended', 'attended', 'booked', 'no_show', 'cancelled'), paid: fc.integer({ min: 0, max: 9000 }) }),
          { maxLength: 60 },
        ),
        async (visits) => {
          const clientId = (await api.call('clients.create', { firstName: 'Azar' })).client.id;
          const counted: { day: string; kind: string; paid: number }[] = [];
          for (const v of visits) {
            const startsAt = new Date(Date.parse(NOW) - v.daysAgo * 86_400_000 + (v.hour - 9) * 3_600_000).toISOString();
            const status = v.status as 'attended' | 'booked' | 'no_show' | 'cancelled';
            if (v.kind === 'yoga') history.booking({ clientId, seriesId: w.yogaSeries, title: 'Yoga tarde', organizerId: w.marta, startsAt, status });
            else history.appointment({ clientId, staffId: w.marta, serviceId: v.kind === 'corte' ? w.corte : w.tinte, startsAt, status });
            history.sale({ clientId, totalMinor: v.paid, at: startsAt });
            if (status === 'attended' || status === 'booked') counted.push({ day: localDate(new Date(startsAt), 'Europe/Madrid'), kind: v.kind, paid: v.paid });
          }
          const stats = await api.call('clients.statistics', { clientId });
          expect(stats.visits).toBe(counted.length);
          expect(stats.medianDaysBetweenVisits).toBe(referenceMedian(counted.map((c) => c.day)));
          expect(stats.visitsByMonth.reduce((n, m) => n + m.visits, 0)).toBe(counted.length);
          if (counted.length > 0) expect(stats.services.reduce((n, u) => n + u.share, 0)).toBeCloseTo(1, 10);
          expect(stats.services.map((u) => u.visits)).toEqual([...stats.services.map((u) => u.visits)].sort((a, b) => b - a));
          expect(stats.totalSpendMinor).toBe(visits.reduce((n, v) => n + v.paid, 0));
          expect(stats.spendByMonth.reduce((n, m) => n + m.totalMinor, 0)).toBe(stats.totalSpendMinor);
          expect(stats.spendByMonth.reduce((n, m) => n + m.sales, 0)).toBe(visits.length);
          expect(stats.noShows).toBe(visits.filter((v) => v.status === 'no_show').length);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
