import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { paymentMethods, type PaymentMethod } from '../../src-shared/domain/passes';
import { useQuery } from '../api/client';

export interface MethodChoice {
  method: PaymentMethod;
  label: string;
}

/** Offered while paymentMethods.list has not answered (or cannot): what every centre takes. */
const fallback: PaymentMethod[] = ['cash', 'card', 'transfer'];
const builtIn = new Set<string>(paymentMethods);

/**
 * The payment methods checkout offers (paymentMethods.list: the built-in ones of the centre's
 * country in order, then its own), and the label of any method a sale was paid with — a custom one
 * by its name, even one the centre no longer offers.
 */
export function usePaymentMethods(): { choices: MethodChoice[]; labelOf: (method: string) => string } {
  const { t } = useTranslation();
  const list = useQuery('paymentMethods.list', { includeInactive: true }).data;
  const names = useMemo(() => new Map((list ?? []).flatMap((o) => (o.kind === 'custom' ? [[o.method, o.name] as const] : []))), [list]);
  const labelOf = useCallback(
    (method: string) => (builtIn.has(method) ? t(`checkout.methods.${method as (typeof paymentMethods)[number]}`) : (names.get(method as `custom:${string}`) ?? t('checkout.methods.other'))),
    [t, names],
  );
  const choices = useMemo(() => {
    const offered = list ? list.filter((o) => o.kind === 'built-in' || o.active).map((o) => o.method) : fallback;
    return offered.map((method) => ({ method, label: labelOf(method) }));
  }, [list, labelOf]);
  return { choices, labelOf };
}
