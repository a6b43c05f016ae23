import { useMemo } from 'react';
import type { Service } from '../../src-shared/domain/catalogue';
import type { PassProduct, PlanProduct } from '../../src-shared/domain/passes';
import { useQuery } from '../api/client';
import type { DraftLine } from './sale-draft';

export interface SaleCatalogue {
  services: Service[];
  passes: PassProduct[];
  plans: PlanProduct[];
  /** What a line sells, by name and unit price (undefined until the catalogue is loaded). */
  itemOf: (line: DraftLine) => { name: string; priceMinor: number } | undefined;
}

/** What the desk can sell: active services, passes (bonos) and plans. */
export function useSaleCatalogue(): SaleCatalogue {
  const services = useQuery('services.list', {});
  const passes = useQuery('passProducts.list', {});
  const plans = useQuery('planProducts.list', {});
  return useMemo(() => {
    const byId = new Map<string, { name: string; priceMinor: number }>();
    for (const s of services.data ?? []) byId.set(`service:${s.id}`, s);
    for (const p of passes.data ?? []) byId.set(`pass:${p.id}`, p);
    for (const p of plans.data ?? []) byId.set(`plan:${p.id}`, p);
    const itemOf = (line: DraftLine) => {
      const id = line.kind === 'service' ? line.serviceId : line.kind === 'pass' ? line.passProductId : line.planProductId;
      return byId.get(`${line.kind}:${id}`);
    };
    return {
      services: (services.data ?? []).filter((s) => s.active),
      passes: (passes.data ?? []).filter((p) => p.active),
      plans: (plans.data ?? []).filter((p) => p.active),
      itemOf,
    };
  }, [services.data, passes.data, plans.data]);
}
