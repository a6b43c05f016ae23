import { useTranslation } from 'react-i18next';
import type { TemplateKind, TemplateValues } from '../../src-shared/domain/templates';
import { openExternal } from '../api/client';
import { useSettings } from '../app/settings-context';
import { formatPhone, whatsappUrl } from '../lib/format';
import { useFilledTemplate } from '../settings/useTemplates';

/** The message a WhatsApp button opens with: a template, filled in. */
export interface WhatsAppMessage {
  kind: TemplateKind;
  values: Omit<TemplateValues, 'centre'>;
}

interface PhoneWithWhatsAppProps {
  name: string;
  phone: string | null;
  message?: WhatsAppMessage;
  /** The text already filled in (a long list fills its templates once, not one query a row). */
  text?: string;
  /**
   * The client's consent for appointment messages (from main: false once withdrawn). Without it the
   * button opens nothing: it stays, disabled, saying why.
   */
  messagesAllowed?: boolean;
}

/** A client's phone as the desk reads it, with a WhatsApp button (wa.me) when there is one. */
export function PhoneWithWhatsApp({ name, phone, message, text, messagesAllowed = true }: PhoneWithWhatsAppProps) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const wanted = messagesAllowed && text === undefined && message;
  const filled = useFilledTemplate(wanted ? { kind: message.kind, values: { ...message.values, centre: settings.name } } : undefined);
  if (!phone) return <span className="muted small">{t('notifications.noPhone')}</span>;
  if (!messagesAllowed) {
    const why = t('whatsappConsent.noConsent');
    return (
      <span className="phone-whatsapp">
        <span className="nowrap">{formatPhone(phone)}</span>
        <button type="button" className="button button-small button-whatsapp" aria-label={`${t('whatsapp.label', { name })}: ${why}`} title={why} disabled>
          {t('whatsapp.button')}
        </button>
        <span className="muted small whatsapp-no-consent">{why}</span>
      </span>
    );
  }
  const url = whatsappUrl(phone, text ?? filled);
  return (
    <span className="phone-whatsapp">
      <span className="nowrap">{formatPhone(phone)}</span>
      <button
        type="button"
        className="button button-small button-whatsapp"
        aria-label={t('whatsapp.label', { name })}
        data-href={url}
        onClick={() => openExternal(url)}
      >
        {t('whatsapp.button')}
      </button>
    </span>
  );
}
