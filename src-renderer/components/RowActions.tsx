import { useTranslation } from 'react-i18next';

interface RowActionsProps {
  /** Accessible names that say which row the buttons act on. */
  editLabel: string;
  deleteLabel: string;
  onEdit: () => void;
  onDelete: () => void;
}

/** The Edit and Delete buttons at the end of a list row. */
export function RowActions({ editLabel, deleteLabel, onEdit, onDelete }: RowActionsProps) {
  const { t } = useTranslation();
  return (
    <span className="row-actions">
      <button type="button" className="button button-small" aria-label={editLabel} onClick={onEdit}>
        {t('app.edit')}
      </button>
      <button type="button" className="button button-small button-danger-outline" aria-label={deleteLabel} onClick={onDelete}>
        {t('app.delete')}
      </button>
    </span>
  );
}
