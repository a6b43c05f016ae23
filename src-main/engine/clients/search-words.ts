import { foldedWords } from '../text/fold';
import { phoneSearchWords } from './phone';

export interface SearchableClient {
  firstName: string;
  lastName: string | null;
  phone: string | null;
  email: string | null;
  taxId: string | null;
  customValues: string[];
}

/**
 * The folded words a client is found by. Phones and tax ids are also indexed as one run of
 * digits/letters, so "612 345", "612345678" and "+34 612 34 56 78" all reach the same card.
 */
export function clientSearchWords(client: SearchableClient): string {
  const words = [
    ...foldedWords(client.firstName),
    ...foldedWords(client.lastName ?? ''),
    ...foldedWords(client.email ?? ''),
    ...(client.phone ? phoneSearchWords(client.phone) : []),
    ...(client.taxId ? [...foldedWords(client.taxId), foldedWords(client.taxId).join('')] : []),
    ...client.customValues.flatMap(foldedWords),
  ];
  return [...new Set(words)].join(' ');
}
