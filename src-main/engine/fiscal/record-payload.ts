import type { TaxBreakdown } from '../../../src-shared/domain/fiscal';

/**
 * The parts of a VERI*FACTU billing record that are not hashed, as stored with it (fiscal_records.payload)
 * so that its XML can be written later exactly as the record was: the AEAT's RegistroAlta /
 * RegistroAnulacion. Dates dd-mm-yyyy, amounts in minor units (written "12.35" in the XML).
 */
export interface RecordPayload {
  /** NombreRazonEmisor. */
  issuerName: string;
  /** DescripcionOperacion. */
  description: string;
  /** Destinatarios (full and corrective invoices with a customer); null on a simplified one. */
  recipient: { name: string; taxId: string } | null;
  /** Corrective (R1/R5): TipoRectificativa "I" (by differences) and the invoice it corrects. */
  corrected: { number: string; date: string } | null;
  /** F3: the simplified invoices it replaces (FacturasSustituidas). */
  replaced: { number: string; date: string }[];
  /** Desglose: one DetalleDesglose per rate (ClaveRegimen 01, CalificacionOperacion S1 / N… for 0 %). */
  breakdown: TaxBreakdown[];
  /** Encadenamiento: the previous record of the chain, or null for the first (PrimerRegistro "S"). */
  previous: { number: string; date: string; fingerprint: string } | null;
  /** SistemaInformatico: this software and installation. */
  system: RecordSystem;
}

export interface RecordSystem {
  /** NombreRazon / NIF of the producer of the software. */
  producerName: string;
  producerTaxId: string;
  /** NombreSistemaInformatico, IdSistemaInformatico (2 chars), Version. */
  name: string;
  id: string;
  version: string;
  /** NumeroInstalacion: this desk. */
  installation: string;
  /** TipoUsoPosibleSoloVerifactu, TipoUsoPosibleMultiOT, IndicadorMultiplesOT: "S"/"N". */
  onlyVerifactu: 'S' | 'N';
  multipleTaxpayers: 'S' | 'N';
  multipleTaxpayersNow: 'S' | 'N';
}
