import { passesOfClient, toClientPass } from '../db/queries/client-passes';
import { ledgerOf } from '../db/queries/ledger';
import { centreToday } from '../db/queries/settings';
import type { ExportSection } from './client-export-sections';

/** Passes and plan lines, expired ones too, each with its whole credit ledger. */
export const passesPart: ExportSection = async (clientId, { db }) => {
  const today = await centreToday(db);
  const rows = await passesOfClient(db, clientId, { today, includeExpired: true });
  const data = [];
  // One ledger query per pass: a client holds a handful, and an export is made by hand.
  for (const row of rows) data.push({ ...toClientPass(row, today), ledger: await ledgerOf(db, row.id) });
  return { name: 'passes', data };
};
