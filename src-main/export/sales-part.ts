import { FIRST_DATE, LAST_DATE } from '../../src-shared/time/calendar-date';
import { clientPromotions } from '../db/queries/promos';
import { listSales } from '../db/queries/sales';
import { centreToday } from '../db/queries/settings';
import type { ExportSection } from './client-export-sections';

/** Every sale to the client (voided ones too, with their reason), newest first. */
export const salesPart: ExportSection = async (clientId, { db }) => {
  const sales = await listSales(db, { fromIso: `${FIRST_DATE}T00:00:00.000Z`, toIso: `${LAST_DATE}T23:59:59.999Z`, clientId });
  return { name: 'sales', data: sales };
};

/** Promotions attached to the card (codes the client was given), with their use. */
export const promotionsPart: ExportSection = async (clientId, { db }) => {
  const today = await centreToday(db);
  return { name: 'promotions', data: await clientPromotions(db, clientId, today) };
};
