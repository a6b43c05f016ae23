import type { ClientPass } from '../../../src-shared/domain/passes';
import { AppError } from '../../errors/app-error';
import type { CreditCandidate } from '../../engine/passes/choose-credit';
import { isExpired } from '../../engine/passes/validity';
import type { ReadDb } from '../database';
import type { ClientPassesTable } from '../tables/checkout';

function ids(json: string): string[] {
  return JSON.parse(json) as string[];
}

export function toClientPass(row: ClientPassesTable, today: string): ClientPass {
  return {
    id: row.id,
    clientId: row.client_id,
    kind: row.kind,
    name: row.name,
    planName: row.plan_name,
    planGroupId: row.plan_group_id,
    creditsTotal: row.credits_total,
    balance: row.balance,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    expired: isExpired({ validUntil: row.valid_until }, today),
    sessionTypeIds: ids(row.session_type_ids),
    serviceIds: ids(row.service_ids),
    saleId: row.sale_id,
    createdAt: row.created_at,
  };
}

/** A pass row as the credit rules see it (they choose which one pays). */
export function toCandidate(row: ClientPassesTable): CreditCandidate & { row: ClientPassesTable } {
  return {
    id: row.id,
    kind: row.kind,
    balance: row.balance,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    createdAt: row.created_at,
    sessionTypeIds: ids(row.session_type_ids),
    serviceIds: ids(row.service_ids),
    row,
  };
}

export async function loadPassRow(db: ReadDb, passId: string, field = 'passId'): Promise<ClientPassesTable> {
  const row = await db.selectFrom('client_passes').selectAll().where('id', '=', passId).executeTakeFirst();
  if (!row) throw new AppError('not_found', field);
  return row;
}

/** A pass's kind (pass or plan line); undefined when none has the id. */
export async function passKindOf(db: ReadDb, passId: string): Promise<Pick<ClientPassesTable, 'id' | 'kind'> | undefined> {
  return db.selectFrom('client_passes').select(['id', 'kind']).where('id', '=', passId).executeTakeFirst();
}

/** A client's passes and plan lines, the soonest to expire first; expired ones only when asked. */
export async function passesOfClient(db: ReadDb, clientId: string, options: { today: string; includeExpired: boolean }): Promise<ClientPassesTable[]> {
  let query = db.selectFrom('client_passes').selectAll().where('client_id', '=', clientId);
  if (!options.includeExpired) query = query.where('valid_until', '>=', options.today);
  return query.orderBy('valid_until').orderBy('created_at').orderBy('id').execute();
}

/** The passes of some clients that still hold credits valid on or after a date: the candidates to pay something then. */
export async function creditsHeld(db: ReadDb, clientIds: readonly string[], fromDate: string): Promise<ClientPassesTable[]> {
  if (clientIds.length === 0) return [];
  return db
    .selectFrom('client_passes')
    .selectAll()
    .where('client_id', 'in', clientIds)
    .where('valid_until', '>=', fromDate)
    .where('balance', '>', 0)
    .execute();
}

export async function assertClientExists(db: ReadDb, clientId: string, field = 'clientId'): Promise<void> {
  const client = await db.selectFrom('clients').select('id').where('id', '=', clientId).executeTakeFirst();
  if (!client) throw new AppError('not_found', field);
}
