import { z } from 'zod';
import type { ClientCardSummary } from '../domain/client-card';
import type { Client, ClientSearchResult, DuplicateWarning, SavedClient } from '../domain/client';
import { sexes } from '../domain/client';
import { command, query, returns } from './define-call';
import { id, isoDate, optionalText, text } from './fields';
import { everyone, frontDesk, managersOrApproved } from './access';

const customFieldValues = z.record(id, z.union([z.string().trim().max(500), z.number().finite(), z.null()]));

const clientFields = {
  firstName: text(80),
  lastName: optionalText(120),
  phone: optionalText(40),
  email: optionalText(200),
  birthDate: isoDate.nullable().optional(),
  sex: z.enum(sexes).nullable().optional(),
  address: optionalText(200),
  postalCode: optionalText(20),
  city: optionalText(100),
  taxId: optionalText(30),
  weightKg: z.number().positive().max(500).nullable().optional(),
  heightCm: z.number().positive().max(300).nullable().optional(),
  notes: optionalText(4000),
  clientGroup: optionalText(100),
  education: optionalText(100),
  profession: optionalText(100),
  referralSource: optionalText(100),
  invoicingCodes: optionalText(100),
  tagIds: z.array(id).max(50).optional(),
  customFields: customFieldValues.optional(),
};

export const clientInput = z.strictObject(clientFields);
export type ClientInput = z.input<typeof clientInput>;

export const clientPatch = z.strictObject({ ...clientFields, id, firstName: text(80).optional() });
export type ClientPatch = z.input<typeof clientPatch>;

export const clientSearch = z.strictObject({
  query: z.string().max(200).optional(),
  tagId: id.optional(),
  blacklisted: z.boolean().optional(),
  limit: z.number().int().min(1).max(200).optional(),
  offset: z.number().int().min(0).max(10_000_000).optional(),
});
export type ClientSearch = z.input<typeof clientSearch>;

export const clientsApi = {
  'clients.create': command(clientInput, 'Create a client card', returns<SavedClient>(), everyone),
  'clients.update': command(clientPatch, 'Change fields of a client card', returns<SavedClient>(), everyone),
  'clients.get': query(z.strictObject({ id }), 'One client card, whole', returns<Client>(), everyone),
  'clients.cardSummary': query(
    z.strictObject({ clientId: id }),
    "The card header's summary: next visit, live pass and plan balances, credits pending, recent visits unpaid",
    returns<ClientCardSummary>(),
    everyone,
  ),
  'clients.search': query(
    clientSearch,
    'Find clients by any word or word prefix of their card (accents and case ignored); with no query, list them by name',
    returns<ClientSearchResult>(),
    everyone,
  ),
  'clients.checkDuplicates': query(
    z.strictObject({ phone: optionalText(40), email: optionalText(200), excludeId: id.optional() }),
    'Which other clients already hold this phone or email',
    returns<DuplicateWarning[]>(),
    everyone,
  ),
  'clients.setBlacklist': command(
    z.strictObject({ id, blacklisted: z.boolean(), reason: optionalText(500) }),
    'Put a client on the blacklist (with a reason) or take them off it',
    returns<Client>(),
    frontDesk,
  ),
  'clients.addTag': command(z.strictObject({ clientId: id, tagId: id }), 'Assign a tag to a client', returns<Client>(), everyone),
  'clients.removeTag': command(
    z.strictObject({ clientId: id, tagId: id }),
    'Remove a tag from a client',
    returns<Client>(),
    everyone,
  ),
  'clients.delete': command(
    z.strictObject({ id }),
    'Erase a client and every piece of their data; the same person may be created again',
    returns<{ id: string }>(),
    managersOrApproved,
  ),
};
