import type { Generated } from 'kysely';
import type { InvoiceKind, InvoiceType } from '../../../src-shared/domain/fiscal';
import type { FiscalRecordRow } from '../../engine/fiscal/record';

export interface CentreFiscalTable {
  id: 'centre';
  legal_name: string;
  /** Normalised for the centre's country: NIF/CIF/NIE, RUT or RFC. */
  tax_id: string;
  address: string;
  postcode: string;
  city: string;
  created_at: string;
  updated_at: string;
}

export interface ProductsTable {
  id: string;
  name: string;
  name_key: string;
  price_minor: number;
  vat_rate_bp: number;
  active: 0 | 1;
  created_at: string;
  updated_at: string;
}

export interface PaymentMethodsTable {
  id: string;
  name: string;
  name_key: string;
  active: 0 | 1;
  created_at: string;
  updated_at: string;
}

/** A document as issued: never edited (a trigger refuses), never deleted. */
export interface InvoicesTable {
  id: string;
  sale_id: string;
  kind: InvoiceKind;
  invoice_type: InvoiceType;
  series: string;
  number: number;
  full_number: string;
  desk_id: string;
  issued_at: string;
  issue_date: string;
  issuer_legal_name: string;
  issuer_tax_id: string;
  issuer_address: string;
  client_id: string | null;
  customer_name: string | null;
  customer_tax_id: string | null;
  customer_address: string | null;
  customer_postcode: string | null;
  customer_tax_regime: string | null;
  customer_cfdi_use: string | null;
  corrects_invoice_id: string | null;
  replaces_invoice_id: string | null;
  reason: string | null;
  base_total_minor: number;
  tax_total_minor: number;
  total_minor: number;
  /** JSON TaxBreakdown[]. */
  taxes: string;
  staff_id: string | null;
  till_session_id: string | null;
  created_at: string;
}

/** Local: the last number given per series on this desk. */
export interface InvoiceCountersTable {
  series: string;
  last_number: number;
}

/** A VERI*FACTU billing record (the row's shape is the fiscal engine's). Append-only by trigger. */
export type FiscalRecordsTable = FiscalRecordRow;

export type SubmissionStatus = 'pending' | 'accepted' | 'accepted_with_errors' | 'rejected';

/** Local: this desk's queue to the tax agency, in `seq` order. */
export interface FiscalSubmissionsTable {
  record_id: string;
  seq: number;
  status: SubmissionStatus;
  attempts: Generated<number>;
  next_attempt_at: string | null;
  last_attempt_at: string | null;
  error_code: string | null;
  error_message: string | null;
  csv: string | null;
  updated_at: string;
}

/** Local: where this desk submits, and with which certificate. */
export interface FiscalEndpointTable {
  id: 'desk';
  enabled: 0 | 1;
  url: string;
  certificate_file: string | null;
  updated_at: string;
}
