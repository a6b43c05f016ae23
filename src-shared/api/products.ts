import { z } from 'zod';
import type { Product } from '../domain/product';
import { everyone, managers } from './access';
import { command, query, returns } from './define-call';
import { id, text, vatRateBp } from './fields';
import { moneyMinor } from './passes';

export const productsApi = {
  'products.list': query(z.strictObject({ includeInactive: z.boolean().optional() }), 'Retail products the centre sells, by name', returns<Product[]>(), everyone),
  'products.create': command(
    z.strictObject({ name: text(80), priceMinor: moneyMinor, vatRateBp: vatRateBp.optional(), active: z.boolean().optional() }),
    "Add a retail product (price tax-included; VAT: the country's default when absent)",
    returns<Product>(),
    managers,
  ),
  'products.update': command(
    z.strictObject({ id, name: text(80).optional(), priceMinor: moneyMinor.optional(), vatRateBp: vatRateBp.optional(), active: z.boolean().optional() }),
    'Change a retail product, or retire it (active: false)',
    returns<Product>(),
    managers,
  ),
};
