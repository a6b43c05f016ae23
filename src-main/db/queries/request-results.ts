import type { Db, WriteTx } from '../database';

export interface RequestResult {
  call: string;
  inputHash: string;
  /** JSON of the value first answered. */
  answer: string;
}

export async function findRequestResult(tx: WriteTx, requestId: string): Promise<RequestResult | null> {
  const row = await tx
    .selectFrom('request_results')
    .select(['call', 'input_hash', 'answer'])
    .where('request_id', '=', requestId)
    .executeTakeFirst();
  return row ? { call: row.call, inputHash: row.input_hash, answer: row.answer } : null;
}

export async function saveRequestResult(tx: WriteTx, requestId: string, result: RequestResult, at: string): Promise<void> {
  await tx
    .insertInto('request_results')
    .values({ request_id: requestId, call: result.call, input_hash: result.inputHash, answer: result.answer, at })
    .execute();
}

/** Answers older than the retention window are forgotten (at start-up). */
export async function pruneRequestResults(db: Db, before: string): Promise<void> {
  await db.deleteFrom('request_results').where('at', '<', before).execute();
}

/**
 * An erased client leaves no trace here either: every kept answer that names them (ids are random,
 * so a match is theirs) is emptied, and the id stays used so that a late retry still writes nothing.
 */
export async function forgetRequestResultsOf(tx: WriteTx, clientId: string): Promise<void> {
  await tx
    .updateTable('request_results')
    .set({ answer: erasedAnswer })
    .where('answer', 'like', `%${clientId}%`)
    .execute();
}

/** The answer kept once an erasure emptied it. */
export const erasedAnswer = '{"erased":true}';
