import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientPhoto, PhotoKind, PhotoVisit } from '../../src-shared/domain/photos';
import { photoKinds } from '../../src-shared/domain/photos';
import { call } from '../api/client';
import { useSettings } from '../app/settings-context';
import { useToast } from '../app/toasts';
import { Dialog } from '../components/Dialog';
import { ErrorBanner, FieldError } from '../components/bits';
import { TextField, fieldAria } from '../components/TextField';
import { formatDateTime } from '../lib/time';
import { useFormErrors } from '../settings/useFormErrors';

type Props = {
  visits: PhotoVisit[];
  onClose: () => void;
} & ({ mode: 'add'; clientId: string; dataUrl: string; kind: PhotoKind } | { mode: 'edit'; photo: ClientPhoto });

const visitKey = (v: { kind: string; id: string } | null) => (v ? `${v.kind}:${v.id}` : '');

/** A new photo (from a file or the camera) with its kind, caption and visit; or those of a photo already kept. */
export function PhotoDialog(props: Props) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const toast = useToast();
  const id = useId();
  const editing = props.mode === 'edit' ? props.photo : null;
  const [kind, setKind] = useState<PhotoKind>(editing?.kind ?? (props.mode === 'add' ? props.kind : 'result'));
  const [caption, setCaption] = useState(editing?.caption ?? '');
  const [visit, setVisit] = useState(visitKey(editing?.visit ?? null));
  const [busy, setBusy] = useState(false);
  const { fieldErrors, banner, show, clearBanner } = useFormErrors(['dataUrl', 'kind', 'caption', 'visit']);
  // A visit no longer listed (older than the list) stays selectable.
  const visits = editing?.visit && !props.visits.some((v) => visitKey(v) === visitKey(editing.visit)) ? [editing.visit, ...props.visits] : props.visits;
  const chosenVisit = visits.find((v) => visitKey(v) === visit) ?? null;

  const save = async () => {
    setBusy(true);
    const linked = chosenVisit ? { kind: chosenVisit.kind, id: chosenVisit.id } : null;
    const result =
      props.mode === 'add'
        ? await call('photos.add', { clientId: props.clientId, dataUrl: props.dataUrl, kind, caption, ...(linked ? { visit: linked } : {}) })
        : await call('photos.update', { id: props.photo.id, kind, caption, visit: linked });
    setBusy(false);
    if (!result.ok) return show(result.error);
    toast(props.mode === 'add' ? t('gallery.added') : t('app.saved'));
    props.onClose();
  };

  const preview = props.mode === 'add' ? props.dataUrl : props.photo.thumbnail;
  return (
    <Dialog title={props.mode === 'add' ? t('gallery.addTitle') : t('gallery.editTitle')} confirmLabel={busy ? t('app.saving') : t('app.save')} onConfirm={save} onClose={props.onClose} busy={busy}>
      <ErrorBanner error={banner} onClose={clearBanner} />
      <div className="photo-dialog">
        {preview ? <img className="photo-dialog-preview" src={preview} alt={t('gallery.preview')} aria-describedby={fieldErrors.dataUrl ? `${id}-photo-error` : undefined} /> : <p className="muted">{t('gallery.notOnThisDesk')}</p>}
        <FieldError id={`${id}-photo-error`} message={fieldErrors.dataUrl} />
        <fieldset className="field photo-kind">
          <legend>{t('gallery.kind')}</legend>
          {photoKinds.map((k) => (
            <label key={k} className="radio">
              <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
              {t(`gallery.${k}`)}
            </label>
          ))}
          <FieldError id={`${id}-kind-error`} message={fieldErrors.kind} />
        </fieldset>
        <TextField id={`${id}-caption`} label={t('gallery.caption')} value={caption} onChange={setCaption} error={fieldErrors.caption} maxLength={300} multiline />
        <p className="small muted">{t('gallery.captionHint')}</p>
        <div className="field">
          <label htmlFor={`${id}-visit`}>{t('gallery.visit')}</label>
          <select id={`${id}-visit`} value={visit} onChange={(e) => setVisit(e.target.value)} {...fieldAria(`${id}-visit`, fieldErrors.visit)}>
            <option value="">{t('gallery.noVisit')}</option>
            {visits.map((v) => (
              <option key={visitKey(v)} value={visitKey(v)}>
                {t('gallery.visitChoice', { when: formatDateTime(v.startsAt, settings.timeZone), what: v.what })}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-visit-error`} message={fieldErrors.visit} />
        </div>
      </div>
    </Dialog>
  );
}
