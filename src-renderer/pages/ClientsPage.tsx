import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/client';
import { BlacklistBadge, ErrorBanner, PageHeader, TagChip } from '../components/bits';
import { formatNumber, formatPhone, fullName } from '../lib/format';
import { href, navigate } from '../lib/router';
import { BlacklistSuggestions } from '../clients/BlacklistSuggestions';
import { ClientCsvActions } from '../clients/import/ClientCsvActions';

const PAGE_SIZE = 50;

/** The client list: by name, paged, filtered by text, tag and blacklist. */
export function ClientsPage() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [debounced, setDebounced] = useState('');
  const [tagId, setTagId] = useState('');
  const [onlyBlacklisted, setOnlyBlacklisted] = useState(false);
  const [page, setPage] = useState(0);

  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(text.trim()), 150);
    return () => window.clearTimeout(timer);
  }, [text]);
  useEffect(() => setPage(0), [debounced, tagId, onlyBlacklisted]);

  const tags = useQuery('tags.list', {});
  const list = useQuery('clients.search', {
    query: debounced || undefined,
    tagId: tagId || undefined,
    blacklisted: onlyBlacklisted ? true : undefined,
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
  });

  const total = list.data?.total ?? 0;
  // A broad query is counted only up to a bound: "more than 1,000".
  const atLeast = list.data?.totalIsAtLeast ?? false;
  const items = list.data?.items ?? [];
  const filtered = debounced !== '' || tagId !== '' || onlyBlacklisted;
  const from = total === 0 ? 0 : page * PAGE_SIZE + 1;
  const to = Math.min(total, (page + 1) * PAGE_SIZE);

  return (
    <section className="page">
      <PageHeader title={t('clients.title')}>
        <ClientCsvActions />
        <a className="button button-primary" href={href({ page: 'client-new' })}>
          {t('clients.new')}
        </a>
      </PageHeader>

      <div className="toolbar" role="search">
        <div className="field field-inline">
          <label htmlFor="clients-filter-text">{t('clients.filterText')}</label>
          <input
            id="clients-filter-text"
            type="search"
            value={text}
            placeholder={t('clients.filterTextPlaceholder')}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="field field-inline">
          <label htmlFor="clients-filter-tag">{t('clients.filterTag')}</label>
          <select id="clients-filter-tag" value={tagId} onChange={(e) => setTagId(e.target.value)}>
            <option value="">{t('clients.allTags')}</option>
            {tags.data?.map((tag) => (
              <option key={tag.id} value={tag.id}>
                {tag.name}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={onlyBlacklisted} onChange={(e) => setOnlyBlacklisted(e.target.checked)} />
          {t('clients.onlyBlacklisted')}
        </label>
        <span className="toolbar-count" aria-live="polite">
          {t(atLeast ? 'clients.countAtLeast' : 'clients.count', { count: total, formattedCount: formatNumber(total) })}
        </span>
      </div>

      <ErrorBanner error={list.error} />
      <BlacklistSuggestions />

      <div className="panel table-panel">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('clients.colName')}</th>
              <th scope="col">{t('clients.colPhone')}</th>
              <th scope="col">{t('clients.colEmail')}</th>
              <th scope="col">{t('clients.colTags')}</th>
              <th scope="col">{t('clients.colStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id} className="clickable-row" onClick={() => navigate({ page: 'client', id: c.id })}>
                <td>
                  <a href={href({ page: 'client', id: c.id })} onClick={(e) => e.stopPropagation()} className="row-link">
                    {fullName(c)}
                  </a>
                </td>
                <td className="nowrap">{formatPhone(c.phone)}</td>
                <td>{c.email}</td>
                <td>
                  <span className="chips">
                    {c.tags.map((tag) => (
                      <TagChip key={tag.id} tag={tag} />
                    ))}
                  </span>
                </td>
                <td>{c.blacklisted && <BlacklistBadge />}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {!list.loading && items.length === 0 && !list.error && (
          <p className="empty">{filtered ? t('clients.noMatch') : t('clients.empty')}</p>
        )}
      </div>

      {total > PAGE_SIZE && (
        <nav className="pager" aria-label={t('clients.pagination')}>
          <button type="button" className="button" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
            {t('clients.previous')}
          </button>
          <span>{t(atLeast ? 'clients.rangeAtLeast' : 'clients.range', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(total) })}</span>
          <button type="button" className="button" disabled={to >= total} onClick={() => setPage((p) => p + 1)}>
            {t('clients.next')}
          </button>
        </nav>
      )}
    </section>
  );
}
