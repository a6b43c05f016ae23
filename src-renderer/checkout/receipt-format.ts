import { useState } from 'react';

export type ReceiptFormat = 'ticket' | 'a4';

const key = 'mostrador.receiptFormat';

/** The desk's paper for receipts (an 80 mm ticket printer or A4), remembered on this desk. */
export function useReceiptFormat(): [ReceiptFormat, (format: ReceiptFormat) => void] {
  const [format, setFormat] = useState<ReceiptFormat>(() => (readStored() === 'a4' ? 'a4' : 'ticket'));
  const choose = (next: ReceiptFormat) => {
    setFormat(next);
    try {
      localStorage.setItem(key, next);
    } catch {
      // Storage refused (a private window): the choice lasts for this page only.
    }
  };
  return [format, choose];
}

function readStored(): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
