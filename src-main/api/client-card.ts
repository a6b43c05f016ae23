import { clientCardSummary } from '../db/queries/client-card-summary';
import { assertClientExists } from '../db/queries/client-passes';
import { centreToday } from '../db/queries/settings';
import type { Handlers } from './handler';

/** The card header's summary (the habits come from clients.stats). */
export const clientCardHandlers: Pick<Handlers, 'clients.cardSummary'> = {
  'clients.cardSummary': async ({ clientId }, { db }) => {
    await assertClientExists(db, clientId);
    const now = new Date();
    return clientCardSummary(db, clientId, now.toISOString(), await centreToday(db, now));
  },
};
