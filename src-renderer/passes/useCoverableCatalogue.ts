import { useMemo } from 'react';
import type { Service, SessionType } from '../../src-shared/domain/catalogue';
import { useQuery } from '../api/client';

export interface CoverableCatalogue {
  sessionTypes: SessionType[];
  /** Every service, retired ones too (a product may still cover one). */
  services: Service[];
  sessionTypeName: (id: string) => string;
  serviceName: (id: string) => string;
  /** What a pass covers, by name: its session types, then its services. */
  coversText: (covered: { sessionTypeIds: readonly string[]; serviceIds: readonly string[] }) => string;
  /** The active services, and any retired one among `chosen`: what a form offers. */
  offeredServices: (chosen: readonly string[]) => Service[];
}

/** The session types and services a pass, plan or promo can cover, and their names by id. */
export function useCoverableCatalogue(): CoverableCatalogue {
  const types = useQuery('sessionTypes.list', {});
  const services = useQuery('services.list', { includeInactive: true });
  return useMemo(() => {
    const typeList = types.data ?? [];
    const serviceList = services.data ?? [];
    const typeNames = new Map(typeList.map((t) => [t.id, t.name]));
    const serviceNames = new Map(serviceList.map((s) => [s.id, s.name]));
    const sessionTypeName = (id: string) => typeNames.get(id) ?? '—';
    const serviceName = (id: string) => serviceNames.get(id) ?? '—';
    return {
      sessionTypes: typeList,
      services: serviceList,
      sessionTypeName,
      serviceName,
      coversText: ({ sessionTypeIds, serviceIds }) => [...sessionTypeIds.map(sessionTypeName), ...serviceIds.map(serviceName)].join(', '),
      offeredServices: (chosen) => serviceList.filter((s) => s.active || chosen.includes(s.id)),
    };
  }, [types.data, services.data]);
}
