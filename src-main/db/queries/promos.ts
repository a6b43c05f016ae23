import type { ExpressionBuilder } from 'kysely';
import { sql } from 'kysely';
import type { ClientPromotion, PromoCode } from '../../../src-shared/domain/checkout';
import { AppError } from '../../errors/app-error';
import type { PromoState } from '../../engine/checkout/promo-rules';
import { clientUsesLeft, promoCodeKey, promoIsCurrent } from '../../engine/checkout/promo-rules';
import { newId } from '../../engine/ids';
import type { Database, ReadDb, WriteTx } from '../database';
import type { PromoCodesTable } from '../tables/checkout';
import { insertRows } from '../precompiled-insert';

/**
 * Only redemptions not voided. Written as a literal, not a bound parameter, so that SQLite may use
 * the partial index promo_redemptions_use (… WHERE voided = 0).
 */
const notVoided = sql<boolean>`voided = 0`;

function toPromoCode(row: PromoCodesTable, serviceIds: string[], uses: number): PromoCode {
  return {
    id: row.id,
    code: row.code,
    description: row.description,
    kind: row.kind,
    value: row.value,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    maxUses: row.max_uses,
    maxUsesPerClient: row.max_uses_per_client,
    serviceIds,
    active: row.active === 1,
    uses,
  };
}

async function servicesOf(db: ReadDb, promoIds: readonly string[]): Promise<Map<string, string[]>> {
  const byPromo = new Map<string, string[]>(promoIds.map((id) => [id, []]));
  if (promoIds.length === 0) return byPromo;
  const rows = await db.selectFrom('promo_code_services').select(['promo_id', 'service_id']).where('promo_id', 'in', [...promoIds]).orderBy('service_id').execute();
  for (const row of rows) byPromo.get(row.promo_id)?.push(row.service_id);
  return byPromo;
}

async function usesOf(db: ReadDb, promoIds: readonly string[]): Promise<Map<string, number>> {
  if (promoIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('promo_redemptions')
    .select(['promo_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where(notVoided)
    .where('promo_id', 'in', [...promoIds])
    .groupBy('promo_id')
    .execute();
  return new Map(rows.map((r) => [r.promo_id, Number(r.n)]));
}

async function withParts(db: ReadDb, rows: PromoCodesTable[]): Promise<PromoCode[]> {
  const ids = rows.map((r) => r.id);
  const [services, uses] = await Promise.all([servicesOf(db, ids), usesOf(db, ids)]);
  return rows.map((row) => toPromoCode(row, services.get(row.id) ?? [], uses.get(row.id) ?? 0));
}

/** Promo codes by code, with their uses; only active ones unless told. */
export async function readPromos(db: ReadDb, options: { includeInactive: boolean }): Promise<PromoCode[]> {
  let query = db.selectFrom('promo_codes').selectAll().orderBy('code_key');
  if (!options.includeInactive) query = query.where('active', '=', 1);
  return withParts(db, await query.execute());
}

export async function loadPromoRow(db: ReadDb, id: string): Promise<PromoCodesTable> {
  const row = await db.selectFrom('promo_codes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'id');
  return row;
}

export async function loadPromo(db: ReadDb, id: string): Promise<PromoCode> {
  return (await withParts(db, [await loadPromoRow(db, id)]))[0]!;
}

export async function insertPromo(tx: WriteTx, row: PromoCodesTable): Promise<void> {
  await tx.insertInto('promo_codes').values(row).execute();
}

export async function updatePromo(tx: WriteTx, id: string, row: PromoCodesTable): Promise<void> {
  await tx.updateTable('promo_codes').set(row).where('id', '=', id).execute();
}

/** The promo whose folded code is `codeKey`, with its services (one read); undefined when none. */
async function findPromoByKey(db: ReadDb, codeKey: string): Promise<{ row: PromoCodesTable; serviceIds: string[] } | undefined> {
  const found = await db
    .selectFrom('promo_codes as p')
    .selectAll('p')
    .select(sql<string>`(SELECT json_group_array(service_id) FROM promo_code_services WHERE promo_id = p.id)`.as('service_ids'))
    .where('p.code_key', '=', codeKey)
    .executeTakeFirst();
  if (!found) return undefined;
  const { service_ids, ...row } = found;
  return { row, serviceIds: (JSON.parse(service_ids) as string[]).sort() };
}

/**
 * Redemptions not voided, counted against a promo's limits: in all, and by the client. A count with
 * no limit to check is not made (null). Both come from the partial index, in one read.
 */
async function promoUseCounts(
  db: ReadDb,
  promo: { id: string; maxUses: number | null; maxUsesPerClient: number | null },
  clientId: string | null,
): Promise<{ uses: number | null; clientUses: number | null }> {
  const countUses = promo.maxUses !== null;
  const countClient = promo.maxUsesPerClient !== null && clientId !== null;
  if (!countUses && !countClient) return { uses: null, clientUses: null };
  const uses = (eb: ExpressionBuilder<Database, never>) =>
    eb.selectFrom('promo_redemptions').select((c) => c.fn.countAll<number>().as('n')).where('promo_id', '=', promo.id).where(notVoided);
  const row = await db
    .selectNoFrom((eb) => [
      (countUses ? uses(eb) : sql<null>`NULL`).as('uses'),
      (countClient ? uses(eb).where('client_id', '=', clientId) : sql<null>`NULL`).as('client_uses'),
    ])
    .executeTakeFirstOrThrow();
  return { uses: row.uses === null ? null : Number(row.uses), clientUses: row.client_uses === null ? null : Number(row.client_uses) };
}

/**
 * The promo typed as `code` (matched whatever its case and accents) as the rules see it: its terms
 * and its uses so far, in all and by the client. Refused as promo_unknown on `field` when none has it.
 */
export async function loadPromoForUse(db: ReadDb, code: string, clientId: string | null, field: string): Promise<{ row: PromoCodesTable; state: PromoState }> {
  const found = await findPromoByKey(db, promoCodeKey(code));
  if (!found) throw new AppError('promo_unknown', field);
  const { row, serviceIds } = found;
  const counts = await promoUseCounts(db, { id: row.id, maxUses: row.max_uses, maxUsesPerClient: row.max_uses_per_client }, clientId);
  return {
    row,
    state: {
      active: row.active === 1,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      maxUses: row.max_uses,
      maxUsesPerClient: row.max_uses_per_client,
      serviceIds,
      uses: counts.uses ?? 0,
      clientUses: counts.clientUses ?? 0,
    },
  };
}

/** Codes are unique whatever their case and accents. */
export async function assertCodeFree(db: ReadDb, codeKey: string, exceptId?: string): Promise<void> {
  let query = db.selectFrom('promo_codes').select('id').where('code_key', '=', codeKey);
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) throw new AppError('duplicate_code', 'code');
}

/** Replaces the services a promo applies to (none: every service). */
export async function writePromoServices(tx: WriteTx, promoId: string, serviceIds: readonly string[]): Promise<void> {
  await tx.deleteFrom('promo_code_services').where('promo_id', '=', promoId).execute();
  const unique = [...new Set(serviceIds)];
  if (unique.length > 0) await tx.insertInto('promo_code_services').values(unique.map((service_id) => ({ promo_id: promoId, service_id }))).execute();
}

/** Attaches a promo to a client; false when it already was. */
export async function attachPromo(tx: WriteTx, clientId: string, promoId: string, now: string): Promise<boolean> {
  const result = await tx
    .insertInto('client_promotions')
    .values({ client_id: clientId, promo_id: promoId, attached_at: now })
    .onConflict((oc) => oc.columns(['client_id', 'promo_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** When a promo was attached to a client (it is). */
export async function promoAttachedAt(db: ReadDb, clientId: string, promoId: string): Promise<string> {
  const since = await db.selectFrom('client_promotions').select('attached_at').where('client_id', '=', clientId).where('promo_id', '=', promoId).executeTakeFirstOrThrow();
  return since.attached_at;
}

/** The promotions attached to a client, current on `today` (local), with the uses left to them. */
export async function clientPromotions(db: ReadDb, clientId: string, today: string): Promise<ClientPromotion[]> {
  const attached = await db
    .selectFrom('client_promotions as cp')
    .innerJoin('promo_codes as p', 'p.id', 'cp.promo_id')
    .selectAll('p')
    .select('cp.attached_at')
    .where('cp.client_id', '=', clientId)
    .orderBy('cp.attached_at')
    .execute();
  const current = attached.filter((row) => promoIsCurrent({ active: row.active === 1, validFrom: row.valid_from, validTo: row.valid_to }, today));
  if (current.length === 0) return [];
  const promos = await withParts(db, current);
  const mine = await db
    .selectFrom('promo_redemptions')
    .select(['promo_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where(notVoided)
    .where('client_id', '=', clientId)
    .where('promo_id', 'in', current.map((r) => r.id))
    .groupBy('promo_id')
    .execute();
  const usedByClient = new Map(mine.map((r) => [r.promo_id, Number(r.n)]));
  return promos.map((promo, i) => ({
    promo,
    attachedAt: current[i]!.attached_at,
    usesLeft: clientUsesLeft(promo.maxUsesPerClient, usedByClient.get(promo.id) ?? 0),
  }));
}

/** A promo's use on a sale, written with the sale. */
export async function insertRedemption(tx: WriteTx, redemption: { promoId: string; clientId: string | null; saleId: string; discountMinor: number }, now: string): Promise<void> {
  await insertRows(tx, 'promo_redemptions', {
    id: newId(),
    promo_id: redemption.promoId,
    client_id: redemption.clientId,
    sale_id: redemption.saleId,
    discount_minor: redemption.discountMinor,
    voided: 0,
    created_at: now,
  });
}

/** A voided sale's promo use no longer counts against the limits. */
export async function voidRedemptions(tx: WriteTx, saleId: string): Promise<void> {
  await tx.updateTable('promo_redemptions').set({ voided: 1 }).where('sale_id', '=', saleId).execute();
}
