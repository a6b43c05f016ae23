import { z } from 'zod';
import type { ClientPass, Coverage, CreditPolicy, LedgerEntry, PassProduct, PendingCredit, PlanProduct, ToSchedule } from '../domain/passes';
import { command, query, returns } from './define-call';
import { id, isoDate, text, vatRateBp } from './fields';
import { everyone, frontDesk, managers, managersOrApproved } from './access';

/** An amount of money in minor units of the centre's currency: an integer, never negative. */
export const moneyMinor = z.number().int().min(0).max(100_000_000);

const passValidity = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('days'), days: z.number().int().min(1).max(3660) }),
  z.strictObject({ kind: z.literal('until'), date: isoDate }),
]);

const passProductFields = {
  name: text(80),
  credits: z.number().int().min(1).max(1000),
  sessionTypeIds: z.array(id).max(100),
  serviceIds: z.array(id).max(100),
  validity: passValidity,
  priceMinor: moneyMinor,
  vatRateBp: vatRateBp.optional(),
  active: z.boolean().optional(),
};

const planItem = z.strictObject({ serviceId: id, quantity: z.number().int().min(1).max(1000) });
const planProductFields = {
  name: text(80),
  items: z.array(planItem).min(1).max(50),
  validityDays: z.number().int().min(1).max(3660),
  priceMinor: moneyMinor,
  vatRateBp: vatRateBp.optional(),
  active: z.boolean().optional(),
};

/** What a credit pays for: a session booking or an appointment. */
export const creditTarget = z.strictObject({ kind: z.enum(['booking', 'appointment']), id });

export const passesApi = {
  'passProducts.list': query(z.strictObject({ includeInactive: z.boolean().optional() }), 'Passes (bonos) the centre sells', returns<PassProduct[]>(), everyone),
  'passProducts.create': command(
    z.strictObject(passProductFields),
    'Create a pass: credits, covered session types and services, validity, price (a pass must cover something)',
    returns<PassProduct>(),
    managers,
  ),
  'passProducts.update': command(
    z.strictObject({ id, ...z.strictObject(passProductFields).partial().shape }),
    'Change a pass product (passes already sold keep what they were sold with)',
    returns<PassProduct>(),
    managers,
  ),
  'planProducts.list': query(z.strictObject({ includeInactive: z.boolean().optional() }), 'Plans the centre sells', returns<PlanProduct[]>(), everyone),
  'planProducts.create': command(z.strictObject(planProductFields), 'Create a plan: services with quantities, price, validity in days', returns<PlanProduct>(), managers),
  'planProducts.update': command(
    z.strictObject({ id, ...z.strictObject(planProductFields).partial().shape }),
    'Change a plan product (plans already sold keep what they were sold with)',
    returns<PlanProduct>(),
    managers,
  ),
  'passes.ofClient': query(
    z.strictObject({ clientId: id, includeExpired: z.boolean().optional() }),
    "A client's passes and plan lines with their balances (the ledger's sum)",
    returns<ClientPass[]>(),
    everyone,
  ),
  'passes.ledger': query(z.strictObject({ passId: id }), "Every credit movement of a client's pass, oldest first", returns<LedgerEntry[]>(), everyone),
  'passes.adjust': command(
    z.strictObject({ passId: id, delta: z.number().int().min(-1000).max(1000).refine((n) => n !== 0), reason: text(300) }),
    'Add or remove credits by hand, with a reason (a ledger row)',
    returns<ClientPass>(),
    managersOrApproved,
  ),
  'passes.redeem': command(
    z.strictObject({ target: creditTarget, passId: id.optional() }),
    'Redeem a credit by hand for a booking or appointment staff made (credit pending); the pass expiring first when none is given',
    returns<ClientPass>(),
    frontDesk,
  ),
  'passes.pending': query(
    z.strictObject({ clientId: id.optional() }),
    'Bookings and appointments still lacking their credit, soonest first',
    returns<PendingCredit[]>(),
    everyone,
  ),
  'passes.toSchedule': query(z.strictObject({ clientId: id }), 'What a client bought and has not booked yet ("por reservar")', returns<ToSchedule[]>(), everyone),
  'passes.coverage': query(
    z.strictObject({
      clientId: id,
      serviceIds: z.array(id).min(1).max(20),
      date: isoDate.optional(),
      /** Who would give them: passes count only where that professional's schedule takes passes (absent: any active schedule). */
      staffId: id.optional(),
    }),
    "Which of the chosen services the client's plans and passes cover on a date: all, some (and what is left to pay) or none",
    returns<Coverage>(),
    everyone,
  ),
  'creditPolicy.get': query(z.strictObject({}), 'When a cancelled or missed booking gives its credit back', returns<CreditPolicy>(), everyone),
  'creditPolicy.update': command(
    z.strictObject({
      cancelWindowHours: z.number().int().min(0).max(720).optional(),
      lateCancelForfeits: z.boolean().optional(),
      noShowForfeits: z.boolean().optional(),
    }),
    'Change the cancellation window and whether late cancellations and no-shows forfeit the credit',
    returns<CreditPolicy>(),
    managers,
  ),
};
