import { useCallback } from 'react';
import { useSettings } from '../app/settings-context';
import { usePaymentMethods } from '../checkout/payment-methods';
import { currentLocale } from '../i18n';
import { formatMoney } from '../lib/money';
import { formatDateTime } from '../lib/time';

/** Money, instants and method names as the till shows them (the centre's currency and zone, the UI's locale). */
export function useTillFormat() {
  const { settings } = useSettings();
  const { labelOf } = usePaymentMethods();
  const money = useCallback((minor: number) => formatMoney(minor, settings.currency, currentLocale()), [settings.currency]);
  const at = useCallback((iso: string) => formatDateTime(iso, settings.timeZone), [settings.timeZone]);
  const method = useCallback((m: { method: string; label?: string | null }) => m.label ?? labelOf(m.method), [labelOf]);
  return { money, at, method, currency: settings.currency };
}

/** A signed difference: "+1,00 €" / "−1,00 €" / "0,00 €". */
export function signed(text: string, minor: number): string {
  return minor > 0 ? `+${text}` : text;
}
