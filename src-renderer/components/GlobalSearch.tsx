import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientSearchResult, ClientSummary } from '../../src-shared/domain/client';
import { call } from '../api/client';
import { formatPhone, fullName } from '../lib/format';
import { navigate } from '../lib/router';
import { BlacklistBadge, TagChip } from './bits';

const LIMIT = 8;
const DEBOUNCE_MS = 120;

/**
 * The search box of the top bar, on every screen: finds clients as you type (any word or prefix,
 * accents and case ignored — the API does it). "/" or Ctrl+K focuses it; arrows + Enter open a card.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<{ query: string; items: ClientSummary[]; total: number; totalIsAtLeast: boolean; order: ClientSearchResult['order'] } | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const seq = useRef(0);
  const openFirstWhenReady = useRef(false);

  // Focus from anywhere: "/" (when not typing in a field) or Ctrl/Cmd+K.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing =
        target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target?.isContentEditable;
      const ctrlK = (e.key === 'k' || e.key === 'K') && (e.ctrlKey || e.metaKey);
      const slash = e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey && !document.querySelector('dialog[open]');
      if (ctrlK || slash) {
        e.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Debounced search; a slower, older answer never replaces a newer one.
  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setResults(null);
      return;
    }
    const mine = ++seq.current;
    const timer = window.setTimeout(() => {
      void call('clients.search', { query: q, limit: LIMIT }).then((r) => {
        if (mine !== seq.current) return;
        const found = r.ok ? r.value.items : [];
        setResults({ query: q, items: found, total: r.ok ? r.value.total : 0, totalIsAtLeast: r.ok && r.value.totalIsAtLeast, order: r.ok ? r.value.order : 'name' });
        setActive(0);
        // Enter was pressed before the answer came: open the first match now.
        const first = found[0];
        if (openFirstWhenReady.current && first) openClient(first);
        openFirstWhenReady.current = false;
      });
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [query]);

  const items = results?.items ?? [];
  const showList = open && query.trim() !== '' && results !== null;

  const openClient = (client: ClientSummary) => {
    setOpen(false);
    setQuery('');
    setResults(null);
    inputRef.current?.blur();
    navigate({ page: 'client', id: client.id });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      if (items.length) setActive((a) => (a + 1) % items.length);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (items.length) setActive((a) => (a - 1 + items.length) % items.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const chosen = items[active];
      if (!results || results.query !== query.trim()) openFirstWhenReady.current = query.trim() !== '';
      else if (chosen) openClient(chosen);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      openFirstWhenReady.current = false;
      if (open && query) setOpen(false);
      else {
        setQuery('');
        inputRef.current?.blur();
      }
    }
  };

  const optionId = (i: number) => `${listId}-option-${i}`;

  return (
    <div className="global-search">
      <label htmlFor={`${listId}-input`} className="visually-hidden">
        {t('search.label')}
      </label>
      <span className="search-icon" aria-hidden="true">
        ⌕
      </span>
      <input
        ref={inputRef}
        id={`${listId}-input`}
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('search.placeholder')}
        title={t('search.shortcut')}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && items[active] ? optionId(active) : undefined}
        value={query}
        onChange={(e) => {
          openFirstWhenReady.current = false;
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      <kbd className="search-kbd" aria-hidden="true">
        /
      </kbd>
      {showList && (
        <div className="search-dropdown">
          <ul id={listId} role="listbox" aria-label={t('search.results')}>
            {items.map((c, i) => (
              <li
                key={c.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'search-option active' : 'search-option'}
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => openClient(c)}
              >
                <span className="search-option-main">
                  <span className="search-option-name">{fullName(c)}</span>
                  {c.blacklisted && <BlacklistBadge />}
                </span>
                <span className="search-option-meta">
                  {c.phone && <span>{formatPhone(c.phone)}</span>}
                  {c.email && <span>{c.email}</span>}
                  {c.tags.map((tag) => (
                    <TagChip key={tag.id} tag={tag} />
                  ))}
                </span>
              </li>
            ))}
          </ul>
          {items.length === 0 && <p className="search-empty">{t('search.noResults', { query: results.query })}</p>}
          {results.total > items.length && (
            <p className="search-more">
              {t(results.totalIsAtLeast ? 'search.moreAtLeast' : results.order === 'recent' ? 'search.moreRecent' : 'search.more', { count: results.total - items.length })}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
