import type { BlacklistSuggestion } from '../../src-shared/domain/client-stats';
import { reasonsFor } from '../engine/clients/blacklist-rules';
import { AppError } from '../errors/app-error';
import type { ReadDb } from '../db/database';
import { incidentsOf, readBlacklistRules, suggestedClients, writeBlacklistRules, writeDismissal, type IncidentScope } from '../db/queries/blacklist-suggestions';
import { clientCardStats, registeredOn } from '../db/queries/client-card-stats';
import { readCreditPolicy } from '../db/queries/credit-policy';
import { readCentreSettings } from '../db/queries/settings';
import type { Handlers } from './handler';

/** The list in Clientes shows the most recent this many; a centre with more has a bigger problem than a list. */
const listLimit = 200;

async function scopeOf(db: ReadDb, clientId?: string): Promise<IncidentScope> {
  const [rules, policy] = await Promise.all([readBlacklistRules(db), readCreditPolicy(db)]);
  return { rules, now: new Date().toISOString(), cancelWindowHours: policy.cancelWindowHours, ...(clientId ? { clientId } : {}) };
}

/** The suggestions of these scopes' clients, with their evidence. */
async function suggestions(db: ReadDb, scope: IncidentScope, limit: number): Promise<BlacklistSuggestion[]> {
  const counted = (await suggestedClients(db, scope)).slice(0, limit);
  const evidence = await incidentsOf(db, scope, counted.map((c) => c.clientId));
  return counted.map(({ latest: _latest, ...c }) => ({ ...c, reasons: reasonsFor(c, scope.rules), incidents: evidence.get(c.clientId) ?? [] }));
}

export const clientStatsHandlers: Pick<
  Handlers,
  'clients.statistics' | 'blacklistRules.get' | 'blacklistRules.update' | 'blacklistSuggestions.list' | 'blacklistSuggestions.forClient' | 'blacklistSuggestions.dismiss'
> = {
  'clients.statistics': async ({ clientId }, { db }) => {
    const clientSince = await registeredOn(db, clientId);
    const [settings, policy] = await Promise.all([readCentreSettings(db), readCreditPolicy(db)]);
    return clientCardStats(db, {
      clientId,
      now: new Date().toISOString(),
      timeZone: settings.timeZone,
      currency: settings.currency,
      cancelWindowHours: policy.cancelWindowHours,
      clientSince,
    });
  },

  'blacklistRules.get': async (_input, { db }) => readBlacklistRules(db),

  'blacklistRules.update': async (changes, { tx, now, log }) => {
    const rules = { ...(await readBlacklistRules(tx)), ...changes };
    await writeBlacklistRules(tx, rules, now);
    log({ entity: 'blacklist_rules', entityId: 'centre', changes });
    return rules;
  },

  'blacklistSuggestions.list': async (_input, { db }) => suggestions(db, await scopeOf(db), listLimit),

  'blacklistSuggestions.forClient': async ({ clientId }, { db }) => {
    await registeredOn(db, clientId);
    return (await suggestions(db, await scopeOf(db, clientId), 1))[0] ?? null;
  },

  'blacklistSuggestions.dismiss': async ({ clientId }, { tx, now, caller, log }) => {
    await registeredOn(tx, clientId);
    const [current] = await suggestedClients(tx, { ...(await scopeOf(tx, clientId)), now });
    // Nothing to dismiss (already dismissed, blacklisted, or under the thresholds): say so.
    if (!current) throw new AppError('no_blacklist_suggestion', 'clientId');
    await writeDismissal(tx, { clientId, through: current.latest, staffId: caller.staffId, now });
    log({ entity: 'blacklist_dismissal', entityId: clientId, subjectClientId: clientId, changes: { dismissedThrough: current.latest } });
    return { clientId, dismissedThrough: current.latest };
  },
};
