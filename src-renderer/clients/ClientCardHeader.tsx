import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { Client } from '../../src-shared/domain/client';
import { call, openExternal } from '../api/client';
import { useSettings } from '../app/settings-context';
import { useToast } from '../app/toasts';
import { BlacklistBadge } from '../components/bits';
import { formatDate, formatInstantDate, fullName, whatsappUrl } from '../lib/format';
import { href } from '../lib/router';
import { ClientHabits } from '../passes/ClientHabits';
import { ClientSummaryStrip } from './ClientSummaryStrip';
import { ClientPhoto } from './ClientPhoto';
import { BlacklistSuggestionBanner } from './BlacklistSuggestionBanner';

function BlacklistNote({ client }: { client: Client }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  return (
    <div className="blacklist-note" role="note">
      <BlacklistBadge />
      <span>{client.blacklistReason ? t('card.blacklistReason', { reason: client.blacklistReason }) : t('card.blacklistNoReason')}</span>
      {client.blacklistedAt && <span className="muted">{t('card.blacklistSince', { date: formatInstantDate(client.blacklistedAt, settings.timeZone) })}</span>}
    </div>
  );
}

interface ClientCardHeaderProps {
  client: Client | null;
  /** The first name typed so far: the avatar of a new client. */
  draftName: string;
  editing: boolean;
  onEdit: () => void;
  onOpenDialog: (dialog: 'blacklist' | 'delete' | 'book' | 'promo') => void;
  onError: (error: ApiError) => void;
}

/** Avatar, name, blacklist note and the toolbar of actions on the client. */
export function ClientCardHeader({ client, draftName, editing, onEdit, onOpenDialog, onError }: ClientCardHeaderProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const clientId = client?.id;
  // Opening a card (from the search, the list or a link) takes the focus to its name.
  useEffect(() => {
    if (clientId) heading.current?.focus();
  }, [clientId]);
  const toast = useToast();
  const name = client ? fullName(client) : '';

  const unblacklist = async (c: Client) => {
    const r = await call('clients.setBlacklist', { id: c.id, blacklisted: false });
    if (r.ok) toast(t('card.blacklistRemoved', { name }));
    else onError(r.error);
  };

  return (
    <header className="card-header panel">
      <ClientPhoto clientId={client?.id ?? null} name={client ? name : draftName} />
      <div className="card-title">
        <h1 ref={heading} tabIndex={-1}>
          {client ? name : t('card.newTitle')}
        </h1>
        {client && <p className="muted">{t('card.since', { date: formatDate(client.registeredOn, 'long') })}</p>}
        {client?.blacklisted && <BlacklistNote client={client} />}
        {client && !client.blacklisted && <BlacklistSuggestionBanner client={client} />}
        {client && <ClientHabits clientId={client.id} />}
        {client && <ClientSummaryStrip client={client} />}
      </div>
      {client && (
        <div className="card-actions" role="toolbar" aria-label={t('card.actions')}>
          {!editing && (
            <button type="button" className="button button-primary" onClick={onEdit}>
              {t('app.edit')}
            </button>
          )}
          <button type="button" className="button" aria-label={t('appointments.bookLabel', { name })} onClick={() => onOpenDialog('book')}>
            {t('appointments.book')}
          </button>
          <a className="button" href={href({ page: 'checkout', clientId: client.id })} aria-label={t('passes.card.checkoutFor', { name })}>
            {t('passes.card.checkout')}
          </a>
          <button type="button" className="button" onClick={() => onOpenDialog('promo')}>
            {t('passes.promos.attach')}
          </button>
          {client.phone && (
            <button
              type="button"
              className="button button-whatsapp"
              aria-label={t('card.whatsappLabel', { name })}
              onClick={() => openExternal(whatsappUrl(client.phone ?? ''))}
            >
              {t('card.whatsapp')}
            </button>
          )}
          {client.blacklisted ? (
            <button type="button" className="button" onClick={() => void unblacklist(client)}>
              {t('card.blacklistOff')}
            </button>
          ) : (
            <button type="button" className="button button-warning" onClick={() => onOpenDialog('blacklist')}>
              {t('card.blacklistOn')}
            </button>
          )}
          <button type="button" className="button button-danger-outline" onClick={() => onOpenDialog('delete')}>
            {t('app.delete')}
          </button>
        </div>
      )}
    </header>
  );
}
