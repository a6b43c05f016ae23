import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BlacklistBadge, FieldError } from '../components/bits';
import { ClientSearchResults } from '../components/ClientSearchResults';
import { formatPhone } from '../lib/format';

/** The client an appointment is for, as the dialog shows it. */
export interface PickedClient {
  id: string;
  name: string;
  phone: string | null;
  blacklisted: boolean;
}

interface ClientPickerProps {
  id: string;
  client: PickedClient | null;
  onChange: (client: PickedClient | null) => void;
  /** Opened from the client's card: the client stays. */
  locked: boolean;
  error: string | undefined;
}

/** The chosen client, or a search box like the session's "Reservar cliente" to find one. */
export function ClientPicker({ id, client, onChange, locked, error }: ClientPickerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const errorId = `${id}-error`;
  if (client)
    return (
      <div className="field">
        <span className="field-label" id={`${id}-label`}>
          {t('appointments.client')}
        </span>
        <div id={id} tabIndex={-1} className="picked-client" aria-labelledby={`${id}-label`} aria-describedby={error ? errorId : undefined}>
          <strong>{client.name}</strong>
          {client.blacklisted && <BlacklistBadge />}
          {client.phone && <span className="muted small">{formatPhone(client.phone)}</span>}
          {!locked && (
            <button type="button" className="button button-small" aria-label={t('appointments.changeClientLabel')} onClick={() => onChange(null)}>
              {t('appointments.changeClient')}
            </button>
          )}
        </div>
        <FieldError id={errorId} message={error} />
      </div>
    );

  return (
    <div className="field">
      <label htmlFor={id}>{t('appointments.clientSearch')}</label>
      <input
        id={id}
        type="search"
        placeholder={t('appointments.clientSearchPlaceholder')}
        value={text}
        autoComplete="off"
        autoFocus
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      <ClientSearchResults
        text={text}
        label={t('appointments.clientResults')}
        searchInputId={id}
        emptyText={t('appointments.noClients')}
        refuseBlacklisted
        actionText={t('appointments.chooseClient')}
        actionLabel={(name) => t('appointments.chooseClientFor', { name })}
        onAction={(c, name) => onChange({ id: c.id, name, phone: c.phone, blacklisted: c.blacklisted })}
      />
      <FieldError id={errorId} message={error} />
    </div>
  );
}
