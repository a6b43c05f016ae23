import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useToast } from '../app/toasts';
import { TextField } from '../components/TextField';
import { CallForm } from '../settings/CallForm';

/** The second folder every backup is also copied to: a path typed in (the browser host has no folder picker). */
export function SecondFolderForm({ folder, onSaved }: { folder: string | null; onSaved: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [draft, setDraft] = useState(folder ?? '');
  useEffect(() => setDraft(folder ?? ''), [folder]);
  const next = draft.trim() === '' ? null : draft.trim();

  return (
    <div>
      <CallForm
        fields={['folder']}
        send={() => call('backups.setFolder', { folder: next })}
        onSuccess={() => {
          toast(next === null ? t('backups.secondFolderRemoved') : t('backups.secondFolderSaved'));
          onSaved();
        }}
        inline
        actions={
          <button type="submit" className="button">
            {t('backups.secondFolderSave')}
          </button>
        }
      >
        {(fieldErrors) => <TextField id="backup-second-folder" label={t('backups.secondFolder')} value={draft} maxLength={4096} error={fieldErrors.folder} onChange={setDraft} />}
      </CallForm>
      <p className="hint">{t('backups.secondFolderHint')}</p>
    </div>
  );
}
