import { useTranslation } from 'react-i18next';
import type { Client } from '../../src-shared/domain/client';
import { call } from '../api/client';
import { ReasonDialog } from '../components/ReasonDialog';
import { fullName } from '../lib/format';

/** Asks for an optional reason, then puts the client on the blacklist. */
export function BlacklistDialog({ client, onClose }: { client: Client; onClose: () => void }) {
  const { t } = useTranslation();
  const name = fullName(client);
  return (
    <ReasonDialog
      title={t('card.blacklistDialogTitle', { name })}
      text={t('card.blacklistDialogText')}
      reasonLabel={t('card.blacklistReasonLabel')}
      confirmLabel={t('card.blacklistConfirm')}
      maxLength={500}
      send={(reason) => call('clients.setBlacklist', { id: client.id, blacklisted: true, reason })}
      done={t('card.blacklistAdded', { name })}
      onClose={onClose}
    />
  );
}
