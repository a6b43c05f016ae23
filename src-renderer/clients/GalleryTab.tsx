import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { ClientPhoto, PhotoKind, PhotoVisit } from '../../src-shared/domain/photos';
import { call, useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { useToast } from '../app/toasts';
import { Dialog } from '../components/Dialog';
import { ErrorBanner } from '../components/bits';
import { CameraDialog } from '../gallery/CameraDialog';
import { PhotoDialog } from '../gallery/PhotoDialog';
import { PhotoViewer } from '../gallery/PhotoViewer';
import { hasCamera, readPhotoFile } from '../gallery/read-photo-file';
import { formatInstantDate } from '../lib/format';
import { formatDateTime } from '../lib/time';
import type { CardTabProps } from './card-tabs';
import '../styles/gallery.css';

type Filter = 'all' | PhotoKind;
type Open =
  | { kind: 'add'; dataUrl: string }
  | { kind: 'camera' }
  | { kind: 'edit'; photo: ClientPhoto }
  | { kind: 'view'; photo: ClientPhoto }
  | { kind: 'delete'; photo: ClientPhoto }
  | null;

/**
 * "Galería" on the client's card (seed 003): inspiration photos and results, newest first, each
 * with its caption and visit; open one large, edit, delete, or put it in the card's header.
 */
export function GalleryTab({ client }: CardTabProps) {
  const { t } = useTranslation();
  const id = useId();
  const toast = useToast();
  const [filter, setFilter] = useState<Filter>('all');
  const gallery = useQuery('photos.list', { clientId: client.id, ...(filter === 'all' ? {} : { kind: filter }) });
  const [open, setOpen] = useState<Open>(null);
  const [error, setError] = useState<ApiError | undefined>();
  const [pickProblem, setPickProblem] = useState<string | undefined>();
  const [camera, setCamera] = useState(false);
  useEffect(() => {
    void hasCamera().then(setCamera);
  }, []);

  const pick = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // the same file may be picked again
    if (!file) return;
    const read = await readPhotoFile(file);
    if ('problem' in read) return setPickProblem(t(read.problem === 'tooLarge' ? 'gallery.tooLarge' : 'gallery.unreadable'));
    setPickProblem(undefined);
    setOpen({ kind: 'add', dataUrl: read.dataUrl });
  };

  const setHeader = async (photoId: string | null) => {
    const result = await call('clients.setPhoto', { clientId: client.id, photoId });
    if (!result.ok) return setError(result.error);
    setError(undefined);
    toast(photoId ? t('gallery.headerSet') : t('gallery.headerRemoved'));
  };

  const remove = async (photo: ClientPhoto) => {
    const result = await call('photos.delete', { id: photo.id });
    setOpen(null);
    if (!result.ok) return setError(result.error);
    toast(t('gallery.deleted'));
  };

  const photos = gallery.data?.photos ?? [];
  const visits = gallery.data?.visits ?? [];
  return (
    <section className="card-section gallery-tab" aria-labelledby={`${id}-title`}>
      <div className="gallery-head">
        <h3 id={`${id}-title`}>{t('gallery.title')}</h3>
        <div className="gallery-actions">
          <label className="button button-primary">
            {t('gallery.addFromFile')}
            <input type="file" className="visually-hidden" accept="image/jpeg,image/png,image/webp" onChange={(e) => void pick(e.currentTarget)} />
          </label>
          {camera && (
            <button type="button" className="button" onClick={() => setOpen({ kind: 'camera' })}>
              {t('gallery.fromCamera')}
            </button>
          )}
        </div>
      </div>
      <p className="small muted">{t('gallery.hint')}</p>
      {pickProblem && (
        <p className="banner banner-error" role="alert">
          {pickProblem}
        </p>
      )}
      <ErrorBanner error={gallery.error ?? error} onClose={error ? () => setError(undefined) : undefined} />
      <div className="gallery-filter" role="group" aria-label={t('gallery.filter')}>
        {(['all', 'inspiration', 'result'] as const).map((f) => (
          <button key={f} type="button" className={`button button-small ${filter === f ? 'button-primary' : ''}`} aria-pressed={filter === f} onClick={() => setFilter(f)}>
            {t(`gallery.${f}`)}
          </button>
        ))}
      </div>
      {gallery.data && photos.length === 0 && <p className="muted">{filter === 'all' ? t('gallery.empty') : t('gallery.emptyKind')}</p>}
      {photos.length > 0 && (
        <ul className="gallery-grid" aria-labelledby={`${id}-title`}>
          {photos.map((photo) => (
            <PhotoTile
              key={photo.id}
              photo={photo}
              inHeader={gallery.data?.headerPhotoId === photo.id}
              onView={() => setOpen({ kind: 'view', photo })}
              onEdit={() => setOpen({ kind: 'edit', photo })}
              onDelete={() => setOpen({ kind: 'delete', photo })}
              onHeader={(on) => void setHeader(on ? photo.id : null)}
            />
          ))}
        </ul>
      )}
      {open?.kind === 'add' && <PhotoDialog mode="add" clientId={client.id} dataUrl={open.dataUrl} kind={filter === 'inspiration' ? 'inspiration' : 'result'} visits={visits} onClose={() => setOpen(null)} />}
      {open?.kind === 'camera' && <CameraDialog onCapture={(dataUrl) => setOpen({ kind: 'add', dataUrl })} onClose={() => setOpen(null)} />}
      {open?.kind === 'edit' && <PhotoDialog mode="edit" photo={open.photo} visits={visits} onClose={() => setOpen(null)} />}
      {open?.kind === 'view' && <PhotoViewer photo={open.photo} onClose={() => setOpen(null)} />}
      {open?.kind === 'delete' && (
        <Dialog title={t('gallery.deleteTitle')} confirmLabel={t('app.delete')} danger onConfirm={() => remove(open.photo)} onClose={() => setOpen(null)}>
          <p>{t('gallery.deleteText')}</p>
        </Dialog>
      )}
    </section>
  );
}

interface TileProps {
  photo: ClientPhoto;
  inHeader: boolean;
  onView: () => void;
  onEdit: () => void;
  onDelete: () => void;
  onHeader: (on: boolean) => void;
}

function PhotoTile({ photo, inHeader, onView, onEdit, onDelete, onHeader }: TileProps) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const caption = photo.caption ?? t('gallery.untitled');
  return (
    <li className="gallery-tile">
      <figure>
        <button type="button" className="gallery-thumb" onClick={onView} aria-label={t('gallery.open', { caption })}>
          {photo.thumbnail ? <img src={photo.thumbnail} alt="" /> : <span className="small muted">{t('gallery.notOnThisDesk')}</span>}
        </button>
        <figcaption>
          <span className="gallery-caption">{caption}</span>
          <span className="small muted">
            <span className={`badge gallery-kind-${photo.kind}`}>{t(`gallery.${photo.kind}`)}</span> {visitText(photo.visit, settings.timeZone) ?? t('gallery.taken', { date: formatInstantDate(photo.createdAt, settings.timeZone) })}
          </span>
          {inHeader && <span className="badge gallery-header-badge">{t('gallery.headerBadge')}</span>}
        </figcaption>
      </figure>
      <div className="gallery-tile-actions" role="group" aria-label={caption}>
        <button type="button" className="button button-small" onClick={() => onHeader(!inHeader)}>
          {inHeader ? t('gallery.removeFromHeader') : t('gallery.useInHeader')}
        </button>
        <button type="button" className="button button-small" onClick={onEdit}>
          {t('app.edit')}
        </button>
        <button type="button" className="button button-small button-danger" onClick={onDelete}>
          {t('app.delete')}
        </button>
      </div>
    </li>
  );
}

function visitText(visit: PhotoVisit | null, timeZone: string): string | null {
  return visit ? `${formatDateTime(visit.startsAt, timeZone)} · ${visit.what}` : null;
}
