import { useEffect, useState } from 'react';
import type { CallInput } from '../../src-shared/api/contract';
import type { ApiError } from '../../src-shared/api/result';
import type { SaleTotals } from '../../src-shared/domain/checkout';
import { call, useTablesVersion } from '../api/client';
import { placeOf } from './sale-errors';

type Draft = CallInput<'checkout.quote'>;

export interface SaleQuote {
  /** The latest priced sale; with a refused promo code, priced without it. */
  quote: SaleTotals | undefined;
  /** The quote answered for exactly these lines (not an older draft). */
  current: boolean;
  /** Why the promo code does not apply (shown beside it). */
  promoError: ApiError | undefined;
  /** Why the sale cannot be priced (a line, the client…). */
  error: ApiError | undefined;
}

/**
 * Prices the draft with checkout.quote as it changes (after a short pause), and again after a
 * write to the tables it read (a credit redeemed elsewhere changes what is covered). Nothing is written.
 */
export function useSaleQuote(draft: Draft | null): SaleQuote {
  const key = draft ? JSON.stringify(draft) : null;
  const [state, setState] = useState<{ key: string | null } & Omit<SaleQuote, 'current'>>({
    key: null,
    quote: undefined,
    promoError: undefined,
    error: undefined,
  });
  const { version, reads } = useTablesVersion();

  useEffect(() => {
    if (key === null) {
      setState({ key, quote: undefined, promoError: undefined, error: undefined });
      return;
    }
    let live = true;
    const input = JSON.parse(key) as Draft;
    const timer = window.setTimeout(() => {
      void (async () => {
        const first = await call('checkout.quote', input);
        if (!live) return;
        reads.current = first.ok ? first.reads : undefined;
        if (first.ok) return setState({ key, quote: first.value, promoError: undefined, error: undefined });
        if (input.promoCode && placeOf(first.error).at === 'promo') {
          const { promoCode: _refused, ...withoutPromo } = input;
          const second = await call('checkout.quote', withoutPromo);
          if (!live) return;
          reads.current = second.ok ? second.reads : undefined;
          return setState({ key, quote: second.ok ? second.value : undefined, promoError: first.error, error: second.ok ? undefined : second.error });
        }
        setState({ key, quote: undefined, promoError: undefined, error: first.error });
      })();
    }, 120);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [key, version, reads]);

  return { quote: state.quote, current: state.key === key, promoError: state.promoError, error: state.error };
}
