import type { esCheckout } from './es-checkout';

/** English texts of the checkout (Caja): sales, payments, receipts. Same keys as es-checkout.ts. */
export const enCheckout: typeof esCheckout = {
  checkout: {
    title: 'Checkout',
  },
};
