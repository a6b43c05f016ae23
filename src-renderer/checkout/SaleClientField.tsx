import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import { useQuery } from '../api/client';
import { BlacklistBadge, FieldError, useErrorText } from '../components/bits';
import { ClientSearchResults } from '../components/ClientSearchResults';
import { fullName } from '../lib/format';
import { href } from '../lib/router';
import type { SaleClient } from './useSalePreset';

interface SaleClientFieldProps {
  id: string;
  client: SaleClient | null;
  onChange: (client: SaleClient | null) => void;
  /** Charging an appointment or booking: its client stays. */
  locked: boolean;
  acceptBlacklisted: boolean;
  onAcceptBlacklisted: (accept: boolean) => void;
  error: ApiError | undefined;
}

/**
 * Who the sale is for (optional: a walk-in sale of services has none). A blacklisted client is
 * flagged plainly, with the reason, and the sale goes on only once the desk ticks the confirmation.
 */
export function SaleClientField({ id, client, onChange, locked, acceptBlacklisted, onAcceptBlacklisted, error }: SaleClientFieldProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const card = useQuery('clients.get', client ? { id: client.id } : null);
  const blacklisted = card.data?.id === client?.id && card.data?.blacklisted === true;
  const errorId = `${id}-error`;
  const message = error ? errorText(error) : undefined;

  if (!client)
    return (
      <div className="field sale-client">
        <label htmlFor={id}>{t('checkout.clientSearch')}</label>
        <input
          id={id}
          type="search"
          placeholder={t('checkout.clientSearchPlaceholder')}
          value={text}
          autoComplete="off"
          aria-invalid={message ? true : undefined}
          aria-describedby={[`${id}-hint`, message ? errorId : ''].join(' ').trim()}
          onChange={(e) => setText(e.target.value)}
        />
        <p id={`${id}-hint`} className="hint">
          {t('checkout.walkInHint')}
        </p>
        <ClientSearchResults
          text={text}
          label={t('checkout.clientResults')}
          searchInputId={id}
          emptyText={t('checkout.noClients')}
          actionText={t('checkout.chooseClient')}
          actionLabel={(name) => t('checkout.chooseClientFor', { name })}
          onAction={(c) => {
            setText('');
            onChange({ id: c.id, name: fullName(c) });
          }}
        />
        <FieldError id={errorId} message={message} />
      </div>
    );

  return (
    <div className="field sale-client">
      <span className="field-label" id={`${id}-label`}>
        {t('checkout.client')}
      </span>
      <div id={id} tabIndex={-1} className="picked-client" aria-labelledby={`${id}-label`} aria-describedby={message ? errorId : undefined}>
        <a className="row-link" href={href({ page: 'client', id: client.id })}>
          {client.name}
        </a>
        {blacklisted && <BlacklistBadge />}
        {!locked && (
          <button
            type="button"
            className="button button-small"
            aria-label={t('checkout.changeClientLabel')}
            onClick={() => {
              onAcceptBlacklisted(false);
              onChange(null);
            }}
          >
            {t('checkout.changeClient')}
          </button>
        )}
      </div>
      {blacklisted && (
        <div className="banner banner-error sale-blacklist" role="alert">
          <div className="stack-tight">
            <strong>{t('checkout.blacklisted')}</strong>
            <span>{card.data?.blacklistReason ? t('checkout.blacklistedReason', { reason: card.data.blacklistReason }) : t('checkout.blacklistedNoReason')}</span>
            <label className="checkbox">
              <input type="checkbox" checked={acceptBlacklisted} onChange={(e) => onAcceptBlacklisted(e.target.checked)} />
              {t('checkout.acceptBlacklisted')}
            </label>
          </div>
        </div>
      )}
      <FieldError id={errorId} message={message} />
    </div>
  );
}
