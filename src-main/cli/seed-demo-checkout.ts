import type { DemoCall } from './demo-call';
import { byName } from './demo-call';

export interface CheckoutSeedReport {
  passProducts: number;
  planProducts: number;
  promoCodes: number;
  sales: number;
}

/**
 * What the demo centre sells: class passes, a beauty plan and two promo codes, and a few sales at
 * the desk (a 10-class pass, a plan, a service with a promo), all through the API so the ledger,
 * the receipts and the change log are real. Runs after the agenda and appointments seeds.
 */
export async function seedDemoCheckout(call: DemoCall, clientIds: readonly string[]): Promise<CheckoutSeedReport> {
  const types = await call('sessionTypes.list', {});
  const services = await call('services.list', {});
  const classes = [byName(types, 'Pilates reformer'), byName(types, 'Yoga'), byName(types, 'Barre')];
  const massage = byName(services, 'Masaje descontracturante');
  const facial = byName(services, 'Limpieza facial');
  const manicure = byName(services, 'Manicura semipermanente');

  const ten = await call('passProducts.create', {
    name: 'Bono 10 clases',
    credits: 10,
    sessionTypeIds: classes,
    serviceIds: [],
    validity: { kind: 'days', days: 90 },
    priceMinor: 12000,
  });
  await call('passProducts.create', { name: 'Bono 5 clases', credits: 5, sessionTypeIds: classes, serviceIds: [], validity: { kind: 'days', days: 45 }, priceMinor: 6500 });
  const plan = await call('planProducts.create', {
    name: 'Plan Belleza',
    items: [
      { serviceId: facial, quantity: 2 },
      { serviceId: manicure, quantity: 2 },
    ],
    validityDays: 90,
    priceMinor: 9900,
  });
  await call('promos.create', { code: 'BIENVENIDA', description: '10 % en la primera visita', kind: 'percent', value: 10, maxUsesPerClient: 1 });
  await call('promos.create', { code: 'MASAJE5', description: '5 € en masajes', kind: 'amount', value: 500, serviceIds: [massage], maxUses: 50 });

  const [first, second, third] = clientIds;
  let sales = 0;
  if (first) {
    await call('checkout.commit', { clientId: first, lines: [{ kind: 'pass', passProductId: ten.id }], payments: [{ method: 'card', amountMinor: 12000 }] });
    sales += 1;
  }
  if (second) {
    await call('checkout.commit', { clientId: second, lines: [{ kind: 'plan', planProductId: plan.id }], payments: [{ method: 'cash', amountMinor: 9900 }] });
    sales += 1;
  }
  if (third) {
    const quote = await call('checkout.quote', { clientId: third, lines: [{ kind: 'service', serviceId: massage }], promoCode: 'masaje5' });
    await call('checkout.commit', {
      clientId: third,
      lines: [{ kind: 'service', serviceId: massage }],
      promoCode: 'masaje5',
      payments: [{ method: 'card', amountMinor: quote.totalMinor }],
    });
    sales += 1;
  }
  return { passProducts: 2, planProducts: 1, promoCodes: 2, sales };
}
