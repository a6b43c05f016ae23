import { z } from 'zod';

/**
 * What a desk and the cloud API say to each other (HTTP + JSON, `Authorization: Bearer <desk key>`).
 *
 *   GET  /v1/hello                       → Hello           (test connection; who the key is)
 *   POST /v1/push    PushRequest         → PushAnswer      (this desk's feed, in order)
 *   GET  /v1/pull?after=N&limit=M        → PullAnswer      (everything the server applied after N)
 *   errors                               → { error: { code: SyncErrorCode, message, expectedSeq? } }
 *
 * The desk's feed is the unit of upload: entries carry the desk's own sequence numbers, and a desk
 * transaction that wrote several entries is named as a group, so the server accepts or refuses what
 * one click did as a whole. The server orders what it applied by a sequence of its own per centre
 * (never the desks' clocks); pulls follow that order.
 */

export const syncLimits = {
  /** Entries in one push. */
  maxBatchChanges: 1000,
  /** Bytes of one request body. */
  maxBodyBytes: 8 * 1024 * 1024,
  /** Entries in one pull page. */
  maxPullLimit: 2000,
  /** Requests per desk per minute. */
  requestsPerMinute: 600,
} as const;

export const feedOps = ['insert', 'update', 'delete', 'erase'] as const;
export type FeedOp = (typeof feedOps)[number];

const identifier = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/);
const rowValue = z.union([z.string(), z.number(), z.null()]);

/** One entry of a desk's feed, as uploaded. `rowId` is the JSON array of the row's primary key. */
export const wireChange = z.strictObject({
  seq: z.number().int().min(1),
  at: z.string().max(40),
  tbl: identifier,
  rowId: z.string().min(2).max(1000),
  op: z.enum(feedOps),
  /** insert: the whole row; update: only the changed columns; delete/erase: null. */
  data: z.record(z.string().max(63), rowValue).nullable(),
  /** The client whose personal data the row is (an erasure removes it everywhere). */
  subject: z.string().max(100).nullable(),
});
export type WireChange = z.infer<typeof wireChange>;

/** Several consecutive entries written by one desk transaction: applied or refused together. */
export const wireGroup = z.tuple([z.number().int().min(1), z.number().int().min(1)]);

export const pushRequest = z.strictObject({
  deskId: z.string().min(1).max(100),
  /** The desk's name, shown to the owner in the list of desks. */
  deskName: z.string().max(200).optional(),
  /** Consecutive entries, the first of which is the server's `expectedSeq`. */
  changes: z.array(wireChange).min(1).max(syncLimits.maxBatchChanges),
  /** Groups of more than one entry (an entry outside every group is a group of its own). */
  groups: z.array(wireGroup).max(syncLimits.maxBatchChanges),
});
export type PushRequest = z.infer<typeof pushRequest>;

/** Why the server refused what a desk transaction did: another desk got there first. */
export const refusalReasons = [
  /** The last place of a session was taken. */
  'place_taken',
  /** The professional's time (with buffers) overlaps another appointment. */
  'slot_taken',
  /** A promo code's total or per-client uses ran out. */
  'promo_limit',
  /** The pass has no credit left. */
  'no_credit',
  /** A name, code or booking that must be unique already exists. */
  'duplicate',
  /** The client was erased. */
  'erased',
] as const;
export type RefusalReason = (typeof refusalReasons)[number];

export interface Refusal {
  /** The desk's entries refused, as [first, last]. */
  group: [number, number];
  reason: RefusalReason;
  /** The row that could not be: a booking, an appointment, a redemption, a ledger entry. */
  tbl: string;
  rowId: string;
  /** The server's order at which it decided (the compensating changes follow it in the pull). */
  serverSeq: number;
}

export interface PushAnswer {
  /** Every entry up to this one is settled on the server (applied or refused): the desk's upload cursor. */
  appliedThrough: number;
  /** The groups of this batch the server refused (the same answer every time the batch is sent). */
  refused: Refusal[];
  /** The server's order after this batch. */
  serverSeq: number;
}

/** A change as the server applied it, in its order. `deskId` is 'server' for what the server wrote itself (undoing a refused group). */
export interface ServerChange {
  serverSeq: number;
  deskId: string;
  tbl: string;
  rowId: string;
  op: FeedOp;
  data: Record<string, string | number | null> | null;
}

export interface PullAnswer {
  changes: ServerChange[];
  /** The last serverSeq of this page (the desk's next `after`). */
  cursor: number;
  /** The centre's last serverSeq: the desk has everything when cursor reaches it (progress = cursor / head). */
  head: number;
}

export interface Hello {
  centreId: string;
  centreName: string;
  /** The desk this key belongs to once it has pushed (null before). */
  deskId: string | null;
  /** What this desk has settled on the server (0 before any): a desk that lost its reply resumes from it. */
  appliedThrough: number;
  head: number;
  serverTime: string;
}

/** The codes the server answers with. */
export const syncErrorCodes = [
  'unauthorized',
  'key_revoked',
  'key_other_desk',
  'wrong_centre',
  'malformed_batch',
  'batch_too_large',
  'sequence_gap',
  'unknown_table',
  'unknown_column',
  'rate_limited',
  /** No such route (a desk talking to something that is not this API, or a newer desk). */
  'not_found',
  'server_error',
] as const;
export type SyncErrorCode = (typeof syncErrorCodes)[number];

export interface SyncErrorBody {
  error: { code: SyncErrorCode; message: string; expectedSeq?: number };
}

/** The sentinel desk id of changes the server made itself. */
export const serverDeskId = 'server';
