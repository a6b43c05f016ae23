import { useTranslation } from 'react-i18next';
import { openExternal } from '../api/client';
import { formatPhone, whatsappUrl } from '../lib/format';

/** A client's phone as the desk reads it, with a WhatsApp button (wa.me) when there is one. */
export function PhoneWithWhatsApp({ name, phone }: { name: string; phone: string | null }) {
  const { t } = useTranslation();
  if (!phone) return <span className="muted small">{t('notifications.noPhone')}</span>;
  return (
    <span className="phone-whatsapp">
      <span className="nowrap">{formatPhone(phone)}</span>
      <button
        type="button"
        className="button button-small button-whatsapp"
        aria-label={t('whatsapp.label', { name })}
        onClick={() => openExternal(whatsappUrl(phone))}
      >
        {t('whatsapp.button')}
      </button>
    </span>
  );
}
