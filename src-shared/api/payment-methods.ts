import { z } from 'zod';
import type { CustomPaymentMethod, PaymentMethodOption } from '../domain/product';
import { everyone, managers } from './access';
import { command, query, returns } from './define-call';
import { id, text } from './fields';

export const paymentMethodsApi = {
  'paymentMethods.list': query(
    z.strictObject({ includeInactive: z.boolean().optional() }),
    "The payment methods the desk offers, in order: the built-in ones of the centre's country, then the centre's own (custom:<id>, by name)",
    returns<PaymentMethodOption[]>(),
    everyone,
  ),
  'paymentMethods.create': command(z.strictObject({ name: text(60), active: z.boolean().optional() }), 'Add a payment method of the centre', returns<CustomPaymentMethod>(), managers),
  'paymentMethods.update': command(
    z.strictObject({ id, name: text(60).optional(), active: z.boolean().optional() }),
    'Rename a payment method of the centre, or stop offering it (active: false; past payments keep it)',
    returns<CustomPaymentMethod>(),
    managers,
  ),
};
