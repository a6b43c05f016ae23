import { useMemo } from 'react';
import type { Service } from '../../src-shared/domain/catalogue';
import type { StaffMember } from '../../src-shared/domain/staff';
import { useQuery } from '../api/client';
import { useDesk } from '../staff/desk-context';

export interface BookableCatalogue {
  /** The active services some active schedule offers (every active service with `anyService`). */
  services: Service[];
  /** The active professionals whose schedules offer a service (every active one with `anyService`). */
  staffFor: (serviceId: string) => StaffMember[];
  serviceById: (id: string) => Service | undefined;
  loaded: boolean;
}

/**
 * What can be booked: the services offered by the active appointment schedules, and who offers each.
 * `anyService`: a staff override may book any active service with any active professional.
 */
export function useBookableCatalogue(anyService: boolean): BookableCatalogue {
  const { activeStaff } = useDesk();
  const services = useQuery('services.list', {});
  const schedules = useQuery('schedules.list', {});

  return useMemo(() => {
    const all = services.data ?? [];
    const active = (schedules.data ?? []).filter((s) => s.active && activeStaff.some((m) => m.id === s.staffId));
    const offered = new Set(active.flatMap((s) => s.serviceIds));
    // Without the schedules (an error), every service is listed: the API still checks the booking.
    const bookable = anyService || schedules.error ? all : all.filter((s) => offered.has(s.id));
    const byId = new Map(all.map((s) => [s.id, s]));
    return {
      services: bookable,
      staffFor: (serviceId) =>
        anyService || schedules.error
          ? activeStaff
          : activeStaff.filter((m) => active.some((s) => s.staffId === m.id && s.serviceIds.includes(serviceId))),
      serviceById: (id) => byId.get(id),
      loaded: services.data !== undefined && (schedules.data !== undefined || schedules.error !== undefined),
    };
  }, [services.data, schedules.data, schedules.error, activeStaff, anyService]);
}
