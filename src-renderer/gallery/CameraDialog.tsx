import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The webcam, live, and a "Capturar" that takes one frame as a JPEG data URL. The stream never
 * leaves this page and stops as the dialog closes; the frame is then saved like a photo from a file.
 */
export function CameraDialog({ onCapture, onClose }: { onCapture: (dataUrl: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const titleId = useId();
  const [state, setState] = useState<'starting' | 'live' | 'failed'>('starting');

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    let stream: MediaStream | null = null;
    let live = true;
    navigator.mediaDevices
      .getUserMedia({ video: { width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false })
      .then((s) => {
        if (!live) return s.getTracks().forEach((track) => track.stop());
        stream = s;
        // "Capturar" waits for the first frame: until then the video has no size to draw.
        if (video.current) video.current.srcObject = s;
      })
      .catch(() => live && setState('failed'));
    return () => {
      live = false;
      stream?.getTracks().forEach((track) => track.stop());
      dialog?.close();
    };
  }, []);

  const capture = () => {
    const v = video.current;
    if (!v || v.videoWidth === 0) return;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext('2d')?.drawImage(v, 0, 0);
    onCapture(canvas.toDataURL('image/jpeg', 0.92));
  };

  return (
    <dialog
      ref={ref}
      className="dialog camera-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {t('gallery.camera.title')}
      </h2>
      {state === 'failed' ? (
        <p className="banner banner-error" role="alert">
          {t('gallery.camera.unavailable')}
        </p>
      ) : (
        <video
          ref={video}
          className="camera-live"
          autoPlay
          playsInline
          muted
          aria-label={t('gallery.camera.live')}
          onLoadedData={(e) => e.currentTarget.videoWidth > 0 && setState('live')}
        />
      )}
      {state === 'starting' && <p className="muted">{t('gallery.camera.starting')}</p>}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('app.cancel')}
        </button>
        <button type="button" className="button button-primary" onClick={capture} disabled={state !== 'live'}>
          {t('gallery.camera.capture')}
        </button>
      </div>
    </dialog>
  );
}
