/** One VAT rate's part of a sale or a document: base + tax = the tax-included amount. */
export interface TaxBreakdown {
  /** Basis points: 2100 = 21 %. */
  rateBp: number;
  baseMinor: number;
  taxMinor: number;
}

/** The centre as it appears on every document. */
export interface CentreFiscal {
  legalName: string;
  /** NIF/CIF/NIE (Spain), RUT (Chile) or RFC (Mexico), normalised. */
  taxId: string;
  address: string;
  postcode: string;
  city: string;
}

/** Who a full invoice is made out to (Mexico adds the tax regime and CFDI use). */
export interface InvoiceCustomer {
  name: string;
  taxId: string;
  address: string | null;
  postcode: string | null;
  taxRegime: string | null;
  cfdiUse: string | null;
}

export type InvoiceKind = 'simplified' | 'full' | 'corrective';
/** The AEAT's TipoFactura: F1 full, F2 simplified, F3 full replacing a simplified one, R1 / R5 corrective. */
export type InvoiceType = 'F1' | 'F2' | 'F3' | 'R1' | 'R5';

/** What a Spanish document carries for VERI*FACTU: its record's fingerprint and the QR's address. */
export interface VerifactuMark {
  /** "alta" for an invoice, "anulacion" when the record cancels one. */
  recordKind: 'alta' | 'anulacion';
  fingerprint: string;
  /** The AEAT's validation address the QR encodes (issuer tax id, number, date, amount). */
  qrUrl: string;
  /** Printed beside the QR. */
  legend: 'VERI*FACTU';
}

/** A document as issued: never edited, never deleted. */
export interface Invoice {
  id: string;
  saleId: string;
  kind: InvoiceKind;
  type: InvoiceType;
  series: string;
  number: number;
  /** Series and number as printed (NumSerieFactura). */
  fullNumber: string;
  issuedAt: string;
  /** The local date of issue (yyyy-mm-dd). */
  issueDate: string;
  /** The centre as the document was issued: its address on one line. */
  issuer: { legalName: string; taxId: string; address: string };
  customer: InvoiceCustomer | null;
  /** A corrective document: the number of the one it corrects. */
  correctsNumber: string | null;
  /** A full invoice issued later: the simplified one it replaces. */
  replacesNumber: string | null;
  reason: string | null;
  baseTotalMinor: number;
  taxTotalMinor: number;
  totalMinor: number;
  taxes: TaxBreakdown[];
  /** Spain: the billing record's fingerprint and QR; null elsewhere. */
  verifactu: VerifactuMark | null;
  /** Voided without a corrective document (issued in error; Spain: a cancellation record was made). */
  cancelled: boolean;
}
