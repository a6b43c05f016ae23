import { z } from 'zod';
import type { BlacklistRules, BlacklistSuggestion, ClientCardStats } from '../domain/client-stats';
import { command, query, returns } from './define-call';
import { id } from './fields';
import { everyone, frontDesk, managers } from './access';

const count = z.number().int().min(0).max(100);
const months = z.number().int().min(1).max(60);

export const clientStatsApi = {
  'clients.statistics': query(
    z.strictObject({ clientId: id }),
    "The card's statistics: visits per month, services and session types used with their share, spend, median days between visits, no-shows and late cancellations",
    returns<ClientCardStats>(),
    everyone,
  ),
  'blacklistRules.get': query(z.strictObject({}), 'How many no-shows or late cancellations within how many months suggest the blacklist', returns<BlacklistRules>(), everyone),
  'blacklistRules.update': command(
    z.strictObject({ noShowCount: count.optional(), noShowMonths: months.optional(), lateCancelCount: count.optional(), lateCancelMonths: months.optional() }),
    'Change the thresholds that suggest the blacklist (a count of 0 turns that rule off)',
    returns<BlacklistRules>(),
    managers,
  ),
  'blacklistSuggestions.list': query(
    z.strictObject({}),
    'Clients whose no-shows or late cancellations reach the thresholds, with the evidence (never blacklisted automatically)',
    returns<BlacklistSuggestion[]>(),
    everyone,
  ),
  'blacklistSuggestions.forClient': query(
    z.strictObject({ clientId: id }),
    "One client's blacklist suggestion with its evidence, or null",
    returns<BlacklistSuggestion | null>(),
    everyone,
  ),
  'blacklistSuggestions.dismiss': command(
    z.strictObject({ clientId: id }),
    'Dismiss a blacklist suggestion: the same incidents do not suggest again, new ones do',
    returns<{ clientId: string; dismissedThrough: string }>(),
    frontDesk,
  ),
};
