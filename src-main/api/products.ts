import { insertProduct, listProducts, loadProduct, updateProduct } from '../db/queries/products';
import { assertNameFree } from '../db/queries/unique-name';
import { newId } from '../engine/ids';
import type { Handlers } from './handler';
import { vatRateToSave } from './vat-rate';

type ProductHandlers = Pick<Handlers, 'products.list' | 'products.create' | 'products.update'>;

export const productHandlers: ProductHandlers = {
  'products.list': async ({ includeInactive }, { db }) => listProducts(db, includeInactive ?? false),

  'products.create': async ({ name, priceMinor, vatRateBp, active }, { tx, now, log }) => {
    const nameKey = await assertNameFree(tx, 'products', name);
    const vat = await vatRateToSave(tx, vatRateBp, true);
    const id = newId();
    await insertProduct(tx, { id, name, name_key: nameKey, price_minor: priceMinor, vat_rate_bp: vat, active: active === false ? 0 : 1, created_at: now, updated_at: now });
    log({ entity: 'product', entityId: id, changes: { name, priceMinor, vatRateBp: vat, active: active !== false } });
    return loadProduct(tx, id);
  },

  'products.update': async ({ id, name, priceMinor, vatRateBp, active }, { tx, now, log }) => {
    await loadProduct(tx, id);
    const nameKey = name === undefined ? undefined : await assertNameFree(tx, 'products', name, id);
    const vat = await vatRateToSave(tx, vatRateBp, false);
    await updateProduct(
      tx,
      id,
      {
        ...(name !== undefined ? { name, name_key: nameKey } : {}),
        ...(priceMinor !== undefined ? { price_minor: priceMinor } : {}),
        ...(vat !== undefined ? { vat_rate_bp: vat } : {}),
        ...(active !== undefined ? { active: active ? 1 : 0 } : {}),
      },
      now,
    );
    log({ entity: 'product', entityId: id, changes: { name, priceMinor, vatRateBp, active } });
    return loadProduct(tx, id);
  },
};
