import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientPhoto } from '../../src-shared/domain/photos';
import { useQuery } from '../api/client';
import { ErrorBanner } from '../components/bits';

/** A photo at full size, in a modal <dialog> (Esc or "Cerrar" closes it). */
export function PhotoViewer({ photo, onClose }: { photo: ClientPhoto; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const full = useQuery('photos.get', { id: photo.id });

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const caption = photo.caption ?? t('gallery.untitled');
  return (
    <dialog
      ref={ref}
      className="dialog photo-viewer"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {caption}
      </h2>
      <ErrorBanner error={full.error} />
      <div className="photo-viewer-body">
        {full.data?.dataUrl ? (
          <img src={full.data.dataUrl} alt={caption} />
        ) : full.data ? (
          <p className="muted">{t('gallery.notOnThisDesk')}</p>
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose} autoFocus>
          {t('app.close')}
        </button>
      </div>
    </dialog>
  );
}
