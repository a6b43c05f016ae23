import type { BuiltInPaymentMethod } from '../../../src-shared/domain/passes';

/** The built-in methods a centre's country offers, in the order the desk shows them. */
const byCountry: Readonly<Record<string, readonly BuiltInPaymentMethod[]>> = {
  ES: ['cash', 'card', 'bizum', 'transfer', 'voucher'],
  CL: ['cash', 'card', 'transfer', 'mercado_pago', 'voucher'],
  MX: ['cash', 'card', 'transfer', 'mercado_pago', 'voucher'],
};
const elsewhere: readonly BuiltInPaymentMethod[] = ['cash', 'card', 'transfer', 'voucher'];

export function builtInMethodsOf(country: string): readonly BuiltInPaymentMethod[] {
  return byCountry[country] ?? elsewhere;
}

/**
 * Whether a sale may be paid by `method`: a built-in method the country offers, 'other' (sales made
 * before the methods were per country still carry it), or one of the centre's active custom methods.
 */
export function isPaymentMethodAllowed(country: string, method: string, customIds: ReadonlySet<string> | readonly string[]): boolean {
  if (method === 'other') return true;
  if (method.startsWith('custom:')) {
    const id = method.slice('custom:'.length);
    return Array.isArray(customIds) ? customIds.includes(id) : (customIds as ReadonlySet<string>).has(id);
  }
  return (builtInMethodsOf(country) as readonly string[]).includes(method);
}
