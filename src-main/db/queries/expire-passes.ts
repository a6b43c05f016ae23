import type { Db, WriteTx } from '../database';
import { localDate } from '../../engine/time/local-date';
import { appendLedger } from './ledger';
import { readCentreSettings } from './settings';

/**
 * Passes past their last day that still hold credits lose them: one 'expiry' row (−balance) each.
 * Written at start-up; reads never wait for it (a pass's `expired` flag comes from the date alone).
 * Returns how many passes expired.
 */
async function expirePasses(tx: WriteTx, today: string, now: string): Promise<number> {
  const due = await tx.selectFrom('client_passes').select(['id', 'balance']).where('valid_until', '<', today).where('balance', '>', 0).execute();
  for (const pass of due) await appendLedger(tx, { passId: pass.id, kind: 'expiry', delta: -pass.balance, staffId: null, now });
  return due.length;
}

/** At start-up, in its own transaction, as of the centre's today. Not a user change: not logged. */
export async function expirePassesAtStartUp(db: Db): Promise<number> {
  const { timeZone } = await readCentreSettings(db);
  const now = new Date();
  const today = localDate(now, timeZone);
  // Most start-ups find nothing due: no write lock taken then (other desks may be starting too).
  const due = await db.selectFrom('client_passes').select('id').where('valid_until', '<', today).where('balance', '>', 0).limit(1).executeTakeFirst();
  if (!due) return 0;
  return db.transaction().execute((tx) => expirePasses(tx, today, now.toISOString()));
}
