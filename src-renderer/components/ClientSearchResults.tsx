import { useEffect, useState } from 'react';
import type { ClientSummary } from '../../src-shared/domain/client';
import { useQuery } from '../api/client';
import { formatPhone, fullName } from '../lib/format';
import { BlacklistBadge } from './bits';

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
  onAction: (client: ClientSummary, name: string) => void;
}

/** The clients matching a search box (six at most), each with its blacklist mark, phone and one button. */
export function ClientSearchResults({ text, label, emptyText, actionText, actionLabel, onAction }: ClientSearchResultsProps) {
  const [query, setQuery] = useState('');
  const results = useQuery('clients.search', query ? { query, limit: 6 } : null);

  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(text.trim()), 150);
    return () => window.clearTimeout(timer);
  }, [text]);

  if (!query || !results.data) return null;
  return (
    <ul className="book-results" aria-label={label}>
      {results.data.items.length === 0 && emptyText && <li className="book-result muted">{emptyText}</li>}
      {results.data.items.map((c) => {
        const name = fullName(c);
        return (
          <li key={c.id} className="book-result">
            <span className="book-result-name">
              <strong>{name}</strong>
              {c.blacklisted && <BlacklistBadge />}
              <span className="muted small">{formatPhone(c.phone)}</span>
            </span>
            <button type="button" className="button button-small button-primary" aria-label={actionLabel(name)} onClick={() => onAction(c, name)}>
              {actionText}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
