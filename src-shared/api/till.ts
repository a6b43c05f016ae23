import { z } from 'zod';
import type { TillSession, TillSessionSummary } from '../domain/till';
import { frontDesk, managers } from './access';
import { paymentMethodInput } from './checkout';
import { command, query, returns } from './define-call';
import { id, isoDate, optionalText, text } from './fields';
import { moneyMinor } from './passes';

/** A count per denomination (its value in minor units, as text): e.g. {"5000": 3, "200": 7}. */
const cashCount = z.record(z.string().regex(/^[1-9]\d{0,7}$/), z.number().int().min(0).max(100_000));

export const tillApi = {
  'till.current': query(z.strictObject({}), "This desk's open till session, or today's closed one (null: none yet)", returns<TillSession | null>(), frontDesk),
  'till.open': command(
    z.strictObject({
      floatMinor: moneyMinor,
      /** Absent: today, or the next day when today's till is already closed. */
      businessDate: isoDate.optional(),
    }),
    "Open this desk's till for the day with a float (the cash left in it)",
    returns<TillSession>(),
    frontDesk,
  ),
  'till.movement': command(
    z.strictObject({ kind: z.enum(['in', 'out']), amountMinor: moneyMinor.min(1), reason: text(200) }),
    'Cash put into or taken out of the open till, with its reason',
    returns<TillSession>(),
    frontDesk,
  ),
  'till.close': command(
    z.strictObject({
      sessionId: id,
      /** The cash counted by note and coin; its total is the counted cash. */
      cash: z.strictObject({ counts: cashCount, reason: optionalText(300) }),
      /** The other methods' counted amounts (card slips, transfers received…). */
      methods: z.array(z.strictObject({ method: paymentMethodInput, countedMinor: moneyMinor, reason: optionalText(300) })).max(50),
    }),
    'Close the till (cierre de caja): per method the counted amount against the expected; a reason wherever they differ',
    returns<TillSession>(),
    frontDesk,
  ),
  'till.get': query(z.strictObject({ id }), 'A till session with everything its Z report shows', returns<TillSession>(), frontDesk),
  'till.list': query(z.strictObject({ from: isoDate, to: isoDate }), 'Till sessions between two business dates (at most 366 days), newest first', returns<TillSessionSummary[]>(), frontDesk),
  'till.correct': command(
    z.strictObject({ sessionId: id, method: paymentMethodInput, amountMinor: z.number().int().min(-100_000_000).max(100_000_000).refine((n) => n !== 0, 'out_of_range'), reason: text(300) }),
    'Correct a closed day (added to it, the close itself is never edited): a signed amount for a method, with its reason',
    returns<TillSession>(),
    managers,
  ),
} as const;
