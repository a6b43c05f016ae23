import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/client';
import { Field } from './Field';
import { coverTypes, maxCoverBytes, type SeriesFormState } from './series-form';

interface Props {
  seriesId: string | null;
  cover: SeriesFormState['cover'];
  onChange: (cover: SeriesFormState['cover']) => void;
  error?: string;
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** The cover image: PNG, JPEG or WebP up to 2 MB (checked here and again in main), with a preview. */
export function CoverImageField({ seriesId, cover, onChange, error }: Props) {
  const { t } = useTranslation();
  const [localError, setLocalError] = useState<string | undefined>();
  const existing = useQuery('series.coverImage', cover === 'keep' && seriesId ? { id: seriesId } : null);
  const preview = cover === 'keep' ? existing.data?.dataUrl : cover?.dataUrl;

  const pick = async (file: File | undefined) => {
    if (!file) return;
    if (!coverTypes.includes(file.type)) return setLocalError(t('seriesForm.coverBadType'));
    if (file.size > maxCoverBytes) return setLocalError(t('seriesForm.coverTooLarge'));
    setLocalError(undefined);
    onChange({ dataUrl: await readAsDataUrl(file) });
  };

  return (
    <Field id="series-cover" label={t('seriesForm.cover')} hint={t('seriesForm.coverHint')} error={localError ?? error}>
      {(aria) => (
        <div className="cover-field">
          {preview && <img src={preview} alt={t('seriesForm.coverPreview')} className="cover-preview" />}
          <input {...aria} type="file" accept={coverTypes.join(',')} onChange={(e) => void pick(e.target.files?.[0])} />
          {cover && (
            <button type="button" className="button button-small" onClick={() => onChange(null)}>
              {t('seriesForm.coverRemove')}
            </button>
          )}
        </div>
      )}
    </Field>
  );
}
