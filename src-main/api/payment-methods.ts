import type { PaymentMethodOption } from '../../src-shared/domain/product';
import { insertPaymentMethod, listCustomPaymentMethods, loadCustomPaymentMethod, updatePaymentMethod } from '../db/queries/payment-methods';
import { readCentreSettings } from '../db/queries/settings';
import { assertNameFree } from '../db/queries/unique-name';
import { builtInMethodsOf } from '../engine/checkout/payment-methods';
import { newId } from '../engine/ids';
import type { Handlers } from './handler';

type PaymentMethodHandlers = Pick<Handlers, 'paymentMethods.list' | 'paymentMethods.create' | 'paymentMethods.update'>;

export const paymentMethodHandlers: PaymentMethodHandlers = {
  'paymentMethods.list': async ({ includeInactive }, { db }) => {
    const { country } = await readCentreSettings(db);
    const builtIn: PaymentMethodOption[] = builtInMethodsOf(country).map((method) => ({ kind: 'built-in', method }));
    const custom: PaymentMethodOption[] = (await listCustomPaymentMethods(db, includeInactive ?? false)).map((m) => ({
      kind: 'custom',
      method: `custom:${m.id}`,
      id: m.id,
      name: m.name,
      active: m.active,
    }));
    return [...builtIn, ...custom];
  },

  'paymentMethods.create': async ({ name, active }, { tx, now, log }) => {
    const nameKey = await assertNameFree(tx, 'payment_methods', name);
    const id = newId();
    await insertPaymentMethod(tx, { id, name, name_key: nameKey, active: active === false ? 0 : 1, created_at: now, updated_at: now });
    log({ entity: 'payment_method', entityId: id, changes: { name, active: active !== false } });
    return loadCustomPaymentMethod(tx, id);
  },

  'paymentMethods.update': async ({ id, name, active }, { tx, now, log }) => {
    await loadCustomPaymentMethod(tx, id);
    const nameKey = name === undefined ? undefined : await assertNameFree(tx, 'payment_methods', name, id);
    await updatePaymentMethod(
      tx,
      id,
      { ...(name !== undefined ? { name, name_key: nameKey } : {}), ...(active !== undefined ? { active: active ? 1 : 0 } : {}) },
      now,
    );
    log({ entity: 'payment_method', entityId: id, changes: { name, active } });
    return loadCustomPaymentMethod(tx, id);
  },
};
