import { Fragment, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { QueryState } from '../api/client';
import { ErrorBanner } from '../components/bits';

interface ActiveToggleListProps<T extends { id: string; active: boolean }> {
  label: string;
  query: QueryState<T[]>;
  emptyText: string;
  row: (item: T) => ReactNode;
  editLabel: (item: T) => string;
  /** The button that retires an active item or brings back an inactive one. */
  toggle: (item: T) => { text: string; label: string };
  onToggle: (item: T) => Promise<ApiError | undefined>;
  editor: (item: T, done: () => void) => ReactNode;
  /** Other buttons of a row, before Edit. */
  actions?: (item: T) => ReactNode;
}

/** A list of things that are retired rather than deleted (staff, services): Edit, and Deactivate / Reactivate. */
export function ActiveToggleList<T extends { id: string; active: boolean }>({ label, query, emptyText, row, editLabel, toggle, onToggle, editor, actions }: ActiveToggleListProps<T>) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | undefined>();
  return (
    <>
      <ErrorBanner error={query.error ?? error} onClose={error ? () => setError(undefined) : undefined} />
      {query.data && query.data.length === 0 && <p className="muted">{emptyText}</p>}
      <ul className="settings-list" aria-label={label}>
        {query.data?.map((item) => {
          if (editing === item.id) return <Fragment key={item.id}>{editor(item, () => setEditing(null))}</Fragment>;
          const button = toggle(item);
          return (
            <li key={item.id} className={`settings-row${item.active ? '' : ' settings-row-inactive'}`}>
              {row(item)}
              <span className="row-actions">
                {actions?.(item)}
                <button type="button" className="button button-small" aria-label={editLabel(item)} onClick={() => setEditing(item.id)}>
                  {t('app.edit')}
                </button>
                <button
                  type="button"
                  className={`button button-small${item.active ? ' button-danger-outline' : ''}`}
                  aria-label={button.label}
                  onClick={() => void onToggle(item).then(setError)}
                >
                  {button.text}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** The checkbox over such a list that also lists the retired items. */
export function ShowInactiveCheckbox({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const id = useId();
  return (
    <label className="checkbox small" htmlFor={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}
