import type { CreditPolicy } from '../../../src-shared/domain/passes';
import { defaultCreditPolicy } from '../../engine/passes/credit-rules';
import type { ReadDb, WriteTx } from '../database';

/** The centre's credit policy; the defaults until it sets its own. */
export async function readCreditPolicy(db: ReadDb): Promise<CreditPolicy> {
  const row = await db.selectFrom('credit_policy').selectAll().where('id', '=', 'centre').executeTakeFirst();
  if (!row) return defaultCreditPolicy;
  return { cancelWindowHours: row.cancel_window_hours, lateCancelForfeits: row.late_cancel_forfeits === 1, noShowForfeits: row.no_show_forfeits === 1 };
}

export async function writeCreditPolicy(tx: WriteTx, policy: CreditPolicy, now: string): Promise<void> {
  const values = {
    cancel_window_hours: policy.cancelWindowHours,
    late_cancel_forfeits: policy.lateCancelForfeits ? (1 as const) : (0 as const),
    no_show_forfeits: policy.noShowForfeits ? (1 as const) : (0 as const),
    updated_at: now,
  };
  await tx
    .insertInto('credit_policy')
    .values({ id: 'centre', ...values, created_at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}
