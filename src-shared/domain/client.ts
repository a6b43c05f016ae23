import type { Tag } from './tag';

export const sexes = ['female', 'male', 'other'] as const;
export type Sex = (typeof sexes)[number];

/** A custom field's value on a card: text, a number, a YYYY-MM-DD date or one of the field's choices. */
export type CustomFieldValue = string | number;

/** Everything the card holds about a client (PRODUCT.md §5). Optional data is null when unknown. */
export interface Client {
  id: string;
  firstName: string;
  lastName: string | null;
  /** E.164, e.g. +34612345678. */
  phone: string | null;
  email: string | null;
  /** YYYY-MM-DD. */
  birthDate: string | null;
  sex: Sex | null;
  address: string | null;
  postalCode: string | null;
  city: string | null;
  /** Normalised for the centre's country (RUT 12345678-5, DNI 12345678Z), else as typed. */
  taxId: string | null;
  weightKg: number | null;
  heightCm: number | null;
  notes: string | null;
  clientGroup: string | null;
  education: string | null;
  profession: string | null;
  referralSource: string | null;
  invoicingCodes: string | null;
  /** YYYY-MM-DD, set when the card is created. */
  registeredOn: string;
  blacklisted: boolean;
  blacklistReason: string | null;
  /** ISO instant. */
  blacklistedAt: string | null;
  tags: Tag[];
  /** Keyed by custom field id. */
  customFields: Record<string, CustomFieldValue>;
  createdAt: string;
  updatedAt: string;
}

/** One row of a search result or of the client list. */
export interface ClientSummary {
  id: string;
  firstName: string;
  lastName: string | null;
  phone: string | null;
  email: string | null;
  taxId: string | null;
  blacklisted: boolean;
  tags: Tag[];
}

export interface ClientSearchResult {
  items: ClientSummary[];
  /** Every client that matches, not just this page; counted up to a bound (see totalIsAtLeast). */
  total: number;
  /**
   * True when counting stopped at the bound: at least `total` match ("more than 1,000"). Counting
   * every match of a couple of letters would cost time in proportion to the size of the centre.
   */
  totalIsAtLeast: boolean;
  /**
   * 'name': alphabetical by last then first name. 'recent': too many matches to sort while typing
   * (a couple of letters), so the most recently registered come first; the desk types on to narrow.
   */
  order: 'name' | 'recent';
}

/** Another client already holds this phone or email: saved anyway, the desk is told. */
export interface DuplicateWarning {
  kind: 'phone' | 'email';
  clientId: string;
  clientName: string;
}

export interface SavedClient {
  client: Client;
  warnings: DuplicateWarning[];
}
