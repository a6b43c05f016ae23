import { sql, type RawBuilder } from 'kysely';
import { AppError } from '../../errors/app-error';
import type { ClientCardStats, MonthSpend, ServiceUse } from '../../../src-shared/domain/client-stats';
import { localToInstant } from '../../engine/time/local-time';
import { localDate } from '../../engine/time/local-date';
import { readRaw, type ReadDb } from '../database';

/**
 * The card's statistics, all as SQL aggregates over the client's own rows (bookings_client,
 * appointments_client and sales_client indexes), so ten years of visits never leave SQLite as rows.
 */

/** A visit: attended, or past and still booked in a session that was held (the header's rule). */
function visits(clientId: string, now: string): RawBuilder<unknown> {
  return sql`
    SELECT o.local_date AS day, o.starts_at AS at, 'session_type' AS kind, s.session_type_id AS item_id
      FROM bookings b JOIN occurrences o ON o.id = b.occurrence_id JOIN series s ON s.id = o.series_id
     WHERE b.client_id = ${clientId}
       AND (b.status = 'attended' OR (b.status = 'booked' AND o.status = 'scheduled' AND o.starts_at <= ${now}))
    UNION ALL
    SELECT a.local_date, a.starts_at, 'service', a.service_id
      FROM appointments a
     WHERE a.client_id = ${clientId} AND (a.status = 'attended' OR (a.status = 'booked' AND a.starts_at <= ${now}))`;
}

/**
 * A late cancellation: cancelled less than the window before the start (or after it), as the credit
 * rules decide (in time when start − cancelled ≥ window). Instants are all toISOString() text, so the
 * comparison is exact. Sessions the centre cancelled are not the client's doing and are left out.
 */
export function isLateCancel(startsAt: RawBuilder<unknown>, cancelledAt: RawBuilder<unknown>, windowHours: number): RawBuilder<boolean> {
  return sql<boolean>`(${cancelledAt} > strftime('%Y-%m-%dT%H:%M:%fZ', ${startsAt}, ${`-${windowHours} hours`}))`;
}

export async function clientCardStats(
  db: ReadDb,
  input: { clientId: string; now: string; timeZone: string; currency: string; cancelWindowHours: number; clientSince: string },
): Promise<ClientCardStats> {
  const { clientId, now, cancelWindowHours } = input;
  const { total, first, last: lastVisit, byMonth, uses, median } = await visitFigures(db, visits(clientId, now));
  const [incidents] = await readRaw(db, sql<{ no_shows: number; cancellations: number; late: number }>`
    WITH x AS (
      SELECT b.status, o.starts_at, b.cancelled_at FROM bookings b JOIN occurrences o ON o.id = b.occurrence_id
       WHERE b.client_id = ${clientId} AND b.status IN ('no_show', 'cancelled') AND o.status = 'scheduled'
      UNION ALL
      SELECT status, starts_at, cancelled_at FROM appointments WHERE client_id = ${clientId} AND status IN ('no_show', 'cancelled'))
    SELECT coalesce(sum(status = 'no_show'), 0) AS no_shows, coalesce(sum(status = 'cancelled'), 0) AS cancellations,
           coalesce(sum(status = 'cancelled' AND ${isLateCancel(sql.ref('starts_at'), sql.ref('cancelled_at'), cancelWindowHours)}), 0) AS late
      FROM x`);
  const [last] = await readRaw(db, sql<{ starts_at: string; booked_at: string; title: string }>`
    SELECT * FROM (
      SELECT o.starts_at, b.created_at AS booked_at, o.title FROM bookings b JOIN occurrences o ON o.id = b.occurrence_id WHERE b.client_id = ${clientId}
      UNION ALL
      SELECT a.starts_at, a.created_at, sv.name FROM appointments a JOIN services sv ON sv.id = a.service_id WHERE a.client_id = ${clientId})
    ORDER BY booked_at DESC, starts_at DESC LIMIT 1`);
  const spend = await spendOf(db, clientId, input.timeZone);

  return {
    currency: input.currency,
    clientSince: input.clientSince,
    visits: total,
    firstVisit: first,
    lastVisit,
    lastBooking: last ? { startsAt: last.starts_at, bookedAt: last.booked_at, title: last.title } : null,
    visitsByMonth: byMonth,
    services: uses.map((u) => ({ ...u, share: u.visits / total })),
    medianDaysBetweenVisits: median,
    ...spend,
    noShows: Number(incidents?.no_shows ?? 0),
    cancellations: Number(incidents?.cancellations ?? 0),
    lateCancellations: Number(incidents?.late ?? 0),
    cancelWindowHours,
  };
}

type FigureRow = { part: 'total' | 'month' | 'use' | 'median'; k1: string | null; k2: string | null; n: number | null; a: string | number | null; b: string | null };

/**
 * Every figure drawn from the visits, in one statement over them materialised once: their count,
 * first and last; per local month; per service or session type (with its name); and the median gap
 * in days between consecutive visit days (two visits on one day are one day): lag() gives the gaps,
 * SQLite's median() (better-sqlite3 builds it in; the mean of the middle two for an even count,
 * NULL for none) their median.
 */
async function visitFigures(db: ReadDb, v: RawBuilder<unknown>) {
  const rows = await readRaw(db, sql<FigureRow>`
    WITH v AS MATERIALIZED (${v}),
      d AS (SELECT DISTINCT julianday(day) AS jd FROM v),
      g AS (SELECT jd - lag(jd) OVER (ORDER BY jd) AS gap FROM d),
      u AS (SELECT kind, item_id, count(*) AS n FROM v GROUP BY kind, item_id)
    SELECT 'total' AS part, NULL AS k1, NULL AS k2, count(*) AS n, min(at) AS a, max(at) AS b FROM v
    UNION ALL
    SELECT 'month', substr(day, 1, 7), NULL, count(*), NULL, NULL FROM v GROUP BY substr(day, 1, 7)
    UNION ALL
    SELECT 'use', u.kind, u.item_id, u.n, coalesce(sv.name, st.name, ''), NULL
      FROM u LEFT JOIN services sv ON u.kind = 'service' AND sv.id = u.item_id
             LEFT JOIN session_types st ON u.kind = 'session_type' AND st.id = u.item_id
    UNION ALL
    SELECT 'median', NULL, NULL, NULL, median(gap), NULL FROM g`);
  const totalRow = rows.find((r) => r.part === 'total');
  const medianRow = rows.find((r) => r.part === 'median');
  return {
    total: Number(totalRow?.n ?? 0),
    first: (totalRow?.a as string | null) ?? null,
    last: totalRow?.b ?? null,
    byMonth: rows
      .filter((r) => r.part === 'month')
      .map((r) => ({ month: r.k1!, visits: Number(r.n) }))
      .sort((x, y) => x.month.localeCompare(y.month)),
    uses: rows
      .filter((r) => r.part === 'use')
      .map((r) => ({ kind: r.k1 as ServiceUse['kind'], id: r.k2, name: String(r.a), visits: Number(r.n) }))
      .sort((x, y) => y.visits - x.visits || x.name.localeCompare(y.name)),
    median: medianRow?.a === null || medianRow?.a === undefined ? null : Number(medianRow.a),
  };
}

/**
 * Spend: the sales not voided, by the centre's local month. The month bounds are computed here as UTC
 * instants (a sale at 00:30 on 1 March in Madrid is March's even though it is 23:30 UTC on February's
 * last day) and SQLite sums within each, on the sales_client index.
 */
async function spendOf(
  db: ReadDb,
  clientId: string,
  timeZone: string,
): Promise<Pick<ClientCardStats, 'averageSpendMinor' | 'totalSpendMinor' | 'salesCount' | 'spendByMonth'>> {
  const [range] = await readRaw(db, sql<{ n: number; total: number | null; first: string | null; last: string | null }>`
    SELECT count(*) AS n, sum(total_minor) AS total, min(created_at) AS first, max(created_at) AS last
      FROM sales WHERE client_id = ${clientId} AND status = 'paid'`);
  const count = Number(range?.n ?? 0);
  const total = Number(range?.total ?? 0);
  let spendByMonth: MonthSpend[] = [];
  if (count > 0 && range?.first && range.last) {
    const months = monthsBetween(localDate(new Date(range.first), timeZone).slice(0, 7), localDate(new Date(range.last), timeZone).slice(0, 7));
    const bounds = months.map((m, i) => {
      const next = months[i + 1] ?? nextMonth(m);
      return sql`(${m}, ${localToInstant(`${m}-01`, '00:00', timeZone).toISOString()}, ${localToInstant(`${next}-01`, '00:00', timeZone).toISOString()})`;
    });
    const rows = await readRaw(db, sql<{ month: string; sales: number; total: number }>`
      -- A multi-row VALUES is not bound by SQLite's compound-select limit (decades of months fit).
      WITH m (month, from_at, to_at) AS (VALUES ${sql.join(bounds)})
      SELECT m.month, count(*) AS sales, sum(s.total_minor) AS total
        FROM m JOIN sales s ON s.client_id = ${clientId} AND s.status = 'paid' AND s.created_at >= m.from_at AND s.created_at < m.to_at
       GROUP BY m.month ORDER BY m.month`);
    spendByMonth = rows.map((r) => ({ month: r.month, sales: Number(r.sales), totalMinor: Number(r.total) }));
  }
  return {
    // Rounded half up to the minor unit, as the header's average.
    averageSpendMinor: count === 0 ? null : Math.floor((total * 2 + count) / (2 * count)),
    totalSpendMinor: total,
    salesCount: count,
    spendByMonth,
  };
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Every 'YYYY-MM' from first to last, both included. */
function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let m = first; m <= last; m = nextMonth(m)) out.push(m);
  return out;
}

/** The client's registration date; not_found on clientId when there is no such client. */
export async function registeredOn(db: ReadDb, clientId: string): Promise<string> {
  const row = await db.selectFrom('clients').select('registered_on').where('id', '=', clientId).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'clientId');
  return row.registered_on;
}
