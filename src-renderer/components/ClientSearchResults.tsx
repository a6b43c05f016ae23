import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { BookingEligibility } from '../../src-shared/domain/agenda';
import type { ClientSummary } from '../../src-shared/domain/client';
import { useQuery } from '../api/client';
import { formatPhone, fullName } from '../lib/format';
import { BlacklistBadge } from './bits';
import { BookingRestrictions, cannotBook } from './BookingRestrictions';

interface ClientSearchResultsProps {
  /** What the desk typed: searched once they pause. */
  text: string;
  /** The list's accessible name. */
  label: string;
  /** Said when no client matches (nothing is said without it). */
  emptyText?: string;
  /** Each row's button: its text, its accessible name (with the client's name), what it does. */
  actionText: string;
  actionLabel: (name: string) => string;
  onAction: (client: ClientSummary, name: string, eligibility: BookingEligibility | undefined) => void;
  /** Booking into this occurrence: each row shows what keeps the client out (sessions.eligibility) before the click. */
  eligibilityFor?: string;
  /** Booking an appointment: a blacklisted client's button does nothing (the rules allow no override). */
  refuseBlacklisted?: boolean;
  /** The search box's id: its Down arrow moves into the results, Up from the first goes back to it. */
  searchInputId?: string;
}

/** The clients matching a search box (six at most), each with its blacklist mark, phone and one button. */
export function ClientSearchResults({ text, label, emptyText, actionText, actionLabel, onAction, eligibilityFor, refuseBlacklisted, searchInputId }: ClientSearchResultsProps) {
  const [query, setQuery] = useState('');
  const results = useQuery('clients.search', query ? { query, limit: 6 } : null);
  const ids = results.data?.items.map((c) => c.id) ?? [];
  const eligibility = useQuery('sessions.eligibility', eligibilityFor && ids.length > 0 ? { occurrenceId: eligibilityFor, clientIds: ids } : null);
  const eligibilityOf = (id: string) => eligibility.data?.find((e) => e.clientId === id);
  const list = useRef<HTMLUListElement>(null);

  // Down in the search box: to the first result.
  useEffect(() => {
    const input = searchInputId ? document.getElementById(searchInputId) : null;
    if (!input) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      const first = list.current?.querySelector<HTMLElement>('button');
      if (e.key === 'ArrowDown' && first) {
        e.preventDefault();
        first.focus();
      }
    };
    input.addEventListener('keydown', onKey);
    return () => input.removeEventListener('keydown', onKey);
  }, [searchInputId]);

  /** Up and Down move through the results' buttons (Home, End to the ends); Up from the first returns to the search box. */
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const buttons = [...(list.current?.querySelectorAll<HTMLElement>('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    let next: HTMLElement | null | undefined;
    if (e.key === 'ArrowDown') next = buttons[Math.min(at + 1, buttons.length - 1)];
    else if (e.key === 'ArrowUp') next = at === 0 && searchInputId ? document.getElementById(searchInputId) : buttons[Math.max(at - 1, 0)];
    else if (e.key === 'Home') next = buttons[0];
    else if (e.key === 'End') next = buttons[buttons.length - 1];
    if (!next) return;
    e.preventDefault();
    next.focus();
  };

  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(text.trim()), 150);
    return () => window.clearTimeout(timer);
  }, [text]);

  if (!query || !results.data) return null;
  return (
    <ul ref={list} className="book-results" aria-label={label} onKeyDown={onKeyDown}>
      {results.data.items.length === 0 && emptyText && <li className="book-result muted">{emptyText}</li>}
      {results.data.items.map((c) => {
        const name = fullName(c);
        const restrictions = eligibilityOf(c.id);
        // Blacklisted or already in: the button stays reachable (focus, arrows) but says why it does nothing.
        const blocked = cannotBook(restrictions) || (refuseBlacklisted === true && c.blacklisted);
        return (
          <li key={c.id} className="book-result">
            <span className="book-result-name">
              <strong>{name}</strong>
              {restrictions ? <BookingRestrictions eligibility={restrictions} /> : c.blacklisted && <BlacklistBadge />}
              <span className="muted small">{formatPhone(c.phone)}</span>
            </span>
            <button
              type="button"
              className="button button-small button-primary"
              aria-label={actionLabel(name)}
              aria-disabled={blocked || undefined}
              onClick={() => !blocked && onAction(c, name, restrictions)}
            >
              {actionText}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
