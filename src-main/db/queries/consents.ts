import { sql } from 'kysely';
import type { ClientConsents, ConsentPurpose, ConsentRecord } from '../../../src-shared/domain/consent';
import { consentPurposes } from '../../../src-shared/domain/consent';
import type { ReadDb, WriteTx } from '../database';
import type { ClientConsentsTable } from '../tables/consents';

function consentQuery(db: ReadDb) {
  return db
    .selectFrom('client_consents as cc')
    .leftJoin('staff as st', 'st.id', 'cc.staff_id')
    .select(['cc.id', 'cc.client_id', 'cc.purpose', 'cc.granted', 'cc.method', 'cc.note', 'cc.staff_id', 'cc.recorded_at', 'st.name as staff_name']);
}

type ConsentRow = Awaited<ReturnType<ReturnType<typeof consentQuery>['executeTakeFirstOrThrow']>>;

function toRecord(r: ConsentRow): ConsentRecord {
  return {
    id: r.id,
    clientId: r.client_id,
    purpose: r.purpose,
    granted: r.granted === 1,
    method: r.method,
    note: r.note,
    staffId: r.staff_id,
    staffName: r.staff_name,
    recordedAt: r.recorded_at,
  };
}

/** A client's consents: every record newest first, and the latest per purpose (the current state). */
export async function consentsOfClient(db: ReadDb, clientId: string): Promise<ClientConsents> {
  const rows = await consentQuery(db).where('cc.client_id', '=', clientId).orderBy('cc.recorded_at', 'desc').orderBy('cc.id', 'desc').execute();
  const history = rows.map(toRecord);
  const current = Object.fromEntries(consentPurposes.map((p) => [p, history.find((r) => r.purpose === p) ?? null])) as Record<ConsentPurpose, ConsentRecord | null>;
  return { current, history };
}

export async function insertConsent(tx: WriteTx, row: ClientConsentsTable): Promise<void> {
  await tx.insertInto('client_consents').values(row).execute();
}

/**
 * A select column: 1 when appointment messages may be sent to the client of `clientIdColumn`
 * (no record yet, or the latest one grants), 0 after a withdrawal. One indexed look-up per row
 * inside the list's own query, so a list costs no extra round trip.
 */
export function messagesAllowedColumn(clientIdColumn: string) {
  return sql<number>`coalesce((SELECT cc.granted FROM client_consents cc WHERE cc.client_id = ${sql.ref(clientIdColumn)}
    AND cc.purpose = 'appointment_messages' ORDER BY cc.recorded_at DESC, cc.id DESC LIMIT 1), 1)`.as('messages_allowed');
}
