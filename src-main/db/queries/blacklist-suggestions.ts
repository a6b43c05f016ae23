import { sql, type RawBuilder } from 'kysely';
import type { BlacklistRules, Incident } from '../../../src-shared/domain/client-stats';
import { defaultBlacklistRules, windowStart } from '../../engine/clients/blacklist-rules';
import { readRaw, type ReadDb, type WriteTx } from '../database';
import { isLateCancel } from './client-card-stats';

export async function readBlacklistRules(db: ReadDb): Promise<BlacklistRules> {
  const row = await db.selectFrom('blacklist_rules').selectAll().where('id', '=', 'centre').executeTakeFirst();
  if (!row) return defaultBlacklistRules;
  return { noShowCount: row.no_show_count, noShowMonths: row.no_show_months, lateCancelCount: row.late_cancel_count, lateCancelMonths: row.late_cancel_months };
}

export async function writeBlacklistRules(tx: WriteTx, rules: BlacklistRules, now: string): Promise<void> {
  const values = {
    no_show_count: rules.noShowCount,
    no_show_months: rules.noShowMonths,
    late_cancel_count: rules.lateCancelCount,
    late_cancel_months: rules.lateCancelMonths,
    updated_at: now,
  };
  await tx
    .insertInto('blacklist_rules')
    .values({ id: 'centre', ...values, created_at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

export interface IncidentScope {
  rules: BlacklistRules;
  now: string;
  cancelWindowHours: number;
  /** One client's; absent: every client's. */
  clientId?: string;
}

/**
 * Every no-show and late cancellation within its rule's window (a rule that is off reads nothing):
 * sessions the centre cancelled are not the client's doing.
 */
function incidentsSql({ rules, now, cancelWindowHours, clientId }: IncidentScope): RawBuilder<unknown> {
  // A rule that is off reads an empty window (one starting in the year 9999).
  const noShowSince = rules.noShowCount > 0 ? windowStart(now, rules.noShowMonths) : '9999';
  const lateSince = rules.lateCancelCount > 0 ? windowStart(now, rules.lateCancelMonths) : '9999';
  const forBooking = clientId === undefined ? sql`` : sql`AND b.client_id = ${clientId}`;
  const forAppointment = clientId === undefined ? sql`` : sql`AND a.client_id = ${clientId}`;
  const lateBooking = isLateCancel(sql.ref('o.starts_at'), sql.ref('b.cancelled_at'), cancelWindowHours);
  const lateAppointment = isLateCancel(sql.ref('a.starts_at'), sql.ref('a.cancelled_at'), cancelWindowHours);
  return sql`
    SELECT 'no_show' AS kind, 'session' AS source, b.id, b.client_id, o.starts_at, NULL AS cancelled_at, o.title
      FROM occurrences o JOIN bookings b ON b.occurrence_id = o.id
     WHERE b.status = 'no_show' AND o.starts_at >= ${noShowSince} ${forBooking}
    UNION ALL
    SELECT 'no_show', 'appointment', a.id, a.client_id, a.starts_at, NULL, sv.name
      FROM appointments a JOIN services sv ON sv.id = a.service_id
     WHERE a.status = 'no_show' AND a.starts_at >= ${noShowSince} ${forAppointment}
    UNION ALL
    SELECT 'late_cancellation', 'session', b.id, b.client_id, o.starts_at, b.cancelled_at, o.title
      FROM occurrences o JOIN bookings b ON b.occurrence_id = o.id
     WHERE b.status = 'cancelled' AND o.status = 'scheduled' AND o.starts_at >= ${lateSince} AND ${lateBooking} ${forBooking}
    UNION ALL
    SELECT 'late_cancellation', 'appointment', a.id, a.client_id, a.starts_at, a.cancelled_at, sv.name
      FROM appointments a JOIN services sv ON sv.id = a.service_id
     WHERE a.status = 'cancelled' AND a.starts_at >= ${lateSince} AND ${lateAppointment} ${forAppointment}`;
}

export interface IncidentCounts {
  clientId: string;
  clientName: string;
  phone: string | null;
  noShows: number;
  lateCancellations: number;
  /** The start of the latest incident counted. */
  latest: string;
}

/**
 * Clients not blacklisted whose counts reach a threshold and who have an incident after the last
 * dismissed one (a dismissal holds until something new happens). Counted in SQL, per client.
 */
export async function suggestedClients(db: ReadDb, scope: IncidentScope): Promise<IncidentCounts[]> {
  const { rules } = scope;
  const noShowMin = rules.noShowCount > 0 ? rules.noShowCount : 1_000_000;
  const lateMin = rules.lateCancelCount > 0 ? rules.lateCancelCount : 1_000_000;
  const rows = await readRaw(db, sql<{ client_id: string; first_name: string; last_name: string | null; phone: string | null; no_shows: number; late: number; latest: string }>`
    WITH i AS (${incidentsSql(scope)}),
      c AS (SELECT client_id, sum(kind = 'no_show') AS no_shows, sum(kind = 'late_cancellation') AS late, max(starts_at) AS latest
              FROM i GROUP BY client_id HAVING no_shows >= ${noShowMin} OR late >= ${lateMin})
    SELECT c.client_id, cl.first_name, cl.last_name, cl.phone, c.no_shows, c.late, c.latest
      FROM c JOIN clients cl ON cl.id = c.client_id
      LEFT JOIN blacklist_dismissals d ON d.client_id = c.client_id
     WHERE cl.blacklisted = 0 AND (d.dismissed_through IS NULL OR c.latest > d.dismissed_through)
     ORDER BY c.latest DESC, cl.first_name, cl.last_name`);
  return rows.map((r) => ({
    clientId: r.client_id,
    clientName: [r.first_name, r.last_name].filter(Boolean).join(' '),
    phone: r.phone,
    noShows: Number(r.no_shows),
    lateCancellations: Number(r.late),
    latest: r.latest,
  }));
}

/** The evidence: the incidents of these clients within the windows, newest first. */
export async function incidentsOf(db: ReadDb, scope: Omit<IncidentScope, 'clientId'>, clientIds: readonly string[]): Promise<Map<string, Incident[]>> {
  const byClient = new Map<string, Incident[]>();
  if (clientIds.length === 0) return byClient;
  const rows = await readRaw(db, sql<{ kind: Incident['kind']; source: Incident['source']; id: string; client_id: string; starts_at: string; cancelled_at: string | null; title: string }>`
    WITH i AS (${incidentsSql({ ...scope, ...(clientIds.length === 1 ? { clientId: clientIds[0] } : {}) })})
    SELECT * FROM i WHERE client_id IN (${sql.join(clientIds)}) ORDER BY starts_at DESC, id`);
  for (const r of rows) {
    const list = byClient.get(r.client_id) ?? [];
    list.push({ kind: r.kind, source: r.source, id: r.id, startsAt: r.starts_at, cancelledAt: r.cancelled_at, title: r.title });
    byClient.set(r.client_id, list);
  }
  return byClient;
}

/** Records (or moves forward) a dismissal: incidents up to `through` no longer suggest. */
export async function writeDismissal(tx: WriteTx, row: { clientId: string; through: string; staffId: string | null; now: string }): Promise<void> {
  const values = { dismissed_through: row.through, dismissed_by: row.staffId, updated_at: row.now };
  await tx
    .insertInto('blacklist_dismissals')
    .values({ client_id: row.clientId, ...values, created_at: row.now })
    .onConflict((oc) => oc.column('client_id').doUpdateSet(values))
    .execute();
}

/** A client's dismissed suggestion (for the data-subject export): up to which incident, by whom, when. */
export async function dismissalOf(db: ReadDb, clientId: string): Promise<{ dismissedThrough: string; dismissedBy: string | null; dismissedAt: string } | null> {
  const row = await db
    .selectFrom('blacklist_dismissals as d')
    .leftJoin('staff as s', 's.id', 'd.dismissed_by')
    .select(['d.dismissed_through', 'd.updated_at', 's.name'])
    .where('d.client_id', '=', clientId)
    .executeTakeFirst();
  return row ? { dismissedThrough: row.dismissed_through, dismissedBy: row.name ?? null, dismissedAt: row.updated_at } : null;
}
