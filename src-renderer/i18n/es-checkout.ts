/** Spanish texts of the checkout (Caja): sales, payments, receipts. */
export const esCheckout = {
  checkout: {
    title: 'Caja',
  },
};
