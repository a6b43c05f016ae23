import type { RecordSystem } from './record-payload';

/**
 * This software as VERI*FACTU's SistemaInformatico names it. The producer's name and NIF are the
 * company that sells Mostrador and signs its declaración responsable: set them here before any
 * submission to the real service (Mostrador has none yet; the test server accepts these).
 */
export function recordSystem(installation: string, version: string): RecordSystem {
  return {
    producerName: 'Mostrador',
    producerTaxId: 'B00000000',
    name: 'Mostrador',
    id: 'MO',
    version,
    installation,
    onlyVerifactu: 'S',
    multipleTaxpayers: 'N',
    multipleTaxpayersNow: 'N',
  };
}
