import { useTranslation } from 'react-i18next';

/** Cancel and Save of an edit form; Save submits it. */
export function CancelSaveButtons({ onCancel, saving }: { onCancel: () => void; saving?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" className="button" onClick={onCancel}>
        {t('app.cancel')}
      </button>
      <button type="submit" className="button button-primary" disabled={saving}>
        {saving ? t('app.saving') : t('app.save')}
      </button>
    </>
  );
}
