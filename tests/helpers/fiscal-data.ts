import type { ApiHost } from '../../src-main/api/open-api';

/** A Spanish salon's fiscal identity (B12345674: a CIF whose control digit is right). */
export const salonFiscal = {
  legalName: 'Centro Alba Estética S.L.',
  taxId: 'B12345674',
  address: 'Calle Mayor 12',
  postcode: '28013',
  city: 'Madrid',
} as const;

/**
 * Fills Ajustes › Datos fiscales through the API, as a centre does before its first sale: in Spain,
 * Chile and Mexico checkout issues no document (and so sells nothing) without them.
 */
export async function setCentreFiscal(host: Pick<ApiHost, 'invoke'>, data: { legalName: string; taxId: string; address: string; postcode: string; city: string } = salonFiscal): Promise<void> {
  const result = await host.invoke('fiscal.settings.set', data);
  if (!result.ok) throw new Error(`fiscal.settings.set refused: ${JSON.stringify(result.error)}`);
}

/** The same, only where the centre has none yet (a database opened again keeps its own). */
export async function ensureCentreFiscal(host: Pick<ApiHost, 'invoke'>): Promise<void> {
  const current = await host.invoke('fiscal.settings.get', {});
  if (current.ok && current.value.fiscal !== null) return;
  await setCentreFiscal(host);
}
