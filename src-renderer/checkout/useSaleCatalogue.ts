import { useMemo } from 'react';
import type { Service } from '../../src-shared/domain/catalogue';
import type { PassProduct, PlanProduct } from '../../src-shared/domain/passes';
import type { Product } from '../../src-shared/domain/product';
import { useQuery } from '../api/client';
import type { DraftLine } from './sale-draft';

export interface SaleCatalogue {
  services: Service[];
  products: Product[];
  passes: PassProduct[];
  plans: PlanProduct[];
  /** What a line sells, by name and unit price (undefined until the catalogue is loaded). */
  itemOf: (line: DraftLine) => { name: string; priceMinor: number } | undefined;
}

function itemIdOf(line: DraftLine): string {
  switch (line.kind) {
    case 'service':
      return line.serviceId;
    case 'product':
      return line.productId;
    case 'pass':
      return line.passProductId;
    case 'plan':
      return line.planProductId;
  }
}

/** What the desk can sell: active services, retail products, passes (bonos) and plans. */
export function useSaleCatalogue(): SaleCatalogue {
  const services = useQuery('services.list', {});
  const productList = useProducts();
  const passes = useQuery('passProducts.list', {});
  const plans = useQuery('planProducts.list', {});
  return useMemo(() => {
    const byId = new Map<string, { name: string; priceMinor: number }>();
    for (const s of services.data ?? []) byId.set(`service:${s.id}`, s);
    for (const p of productList) byId.set(`product:${p.id}`, p);
    for (const p of passes.data ?? []) byId.set(`pass:${p.id}`, p);
    for (const p of plans.data ?? []) byId.set(`plan:${p.id}`, p);
    return {
      services: (services.data ?? []).filter((s) => s.active),
      products: productList.filter((p) => p.active),
      passes: (passes.data ?? []).filter((p) => p.active),
      plans: (plans.data ?? []).filter((p) => p.active),
      itemOf: (line: DraftLine) => byId.get(`${line.kind}:${itemIdOf(line)}`),
    };
  }, [services.data, productList, passes.data, plans.data]);
}

/** The centre's retail products (products.list), as the picker lists them. */
function useProducts(): Product[] {
  return useQuery('products.list', {}).data ?? none;
}

const none: Product[] = [];
