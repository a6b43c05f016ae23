import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/client';

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
}

/**
 * The card's header picture: the photo chosen from the gallery, or the client's initials (also
 * while it loads, or when the photo's file is on another desk only). Without a client yet (a new
 * card), the initials of the name typed so far.
 */
export function ClientPhoto({ clientId, name }: { clientId: string | null; name: string }) {
  const { t } = useTranslation();
  const header = useQuery('clients.photo', clientId ? { clientId } : null);
  const thumbnail = header.data?.thumbnail;
  if (thumbnail) return <img className="avatar avatar-photo" src={thumbnail} alt={t('gallery.photoOf', { name })} />;
  return (
    <div className="avatar" aria-hidden="true">
      {initialsOf(name)}
    </div>
  );
}
