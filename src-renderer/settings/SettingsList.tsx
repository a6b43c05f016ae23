import { Fragment, useState, type ReactNode } from 'react';
import type { QueryState } from '../api/client';
import { ErrorBanner } from '../components/bits';
import { RowActions } from '../components/RowActions';

interface SettingsListProps<T extends { id: string }> {
  label: string;
  /** The read call of the items. */
  query: QueryState<T[]>;
  emptyText: string;
  /** What a row shows before its Edit and Delete buttons. */
  row: (item: T) => ReactNode;
  /** The accessible names of a row's buttons, which say the item. */
  editLabel: (item: T) => string;
  deleteLabel: (item: T) => string;
  /** The row of the item being edited (an <li>); `done` turns it back into a row. */
  editor: (item: T, done: () => void) => ReactNode;
  onDelete: (item: T) => void;
}

/** A list of things the centre defines (tags, custom fields), one row each, edited in place. */
export function SettingsList<T extends { id: string }>({ label, query, emptyText, row, editLabel, deleteLabel, editor, onDelete }: SettingsListProps<T>) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <>
      <ErrorBanner error={query.error} />
      {query.data && query.data.length === 0 && <p className="muted">{emptyText}</p>}
      <ul className="settings-list" aria-label={label}>
        {query.data?.map((item) =>
          editing === item.id ? (
            <Fragment key={item.id}>{editor(item, () => setEditing(null))}</Fragment>
          ) : (
            <li key={item.id} className="settings-row">
              {row(item)}
              <RowActions editLabel={editLabel(item)} deleteLabel={deleteLabel(item)} onEdit={() => setEditing(item.id)} onDelete={() => onDelete(item)} />
            </li>
          ),
        )}
      </ul>
    </>
  );
}
