import { useTranslation } from 'react-i18next';

interface CancelSaveButtonsProps {
  onCancel: () => void;
  /** The call is under way: the submit button is disabled and says `savingLabel`. */
  saving?: boolean;
  /** The submit button's text ("Guardar" unless told). */
  label?: string;
  /** Its text while saving ("Guardando…" unless told). */
  savingLabel?: string;
}

/** Cancel and Save of an edit form; Save submits it. */
export function CancelSaveButtons({ onCancel, saving, label, savingLabel }: CancelSaveButtonsProps) {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" className="button" onClick={onCancel}>
        {t('app.cancel')}
      </button>
      <button type="submit" className="button button-primary" disabled={saving}>
        {saving ? (savingLabel ?? t('app.saving')) : (label ?? t('app.save'))}
      </button>
    </>
  );
}
