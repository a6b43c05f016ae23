import { useTranslation } from 'react-i18next';
import type { Client } from '../../src-shared/domain/client';
import { useToast } from '../app/toasts';
import { CallDialog } from '../components/CallDialog';
import { fullName } from '../lib/format';
import { navigate } from '../lib/router';
import { useApprovableCall } from '../sign-in/approval';

/** Confirms deleting the client, then goes back to the list. */
export function DeleteClientDialog({ client, onClose }: { client: Client; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const approvable = useApprovableCall();
  const name = fullName(client);
  return (
    <CallDialog
      title={t('card.deleteDialogTitle', { name })}
      confirmLabel={t('card.deleteConfirm')}
      text={t('card.deleteDialogText', { name })}
      action={() => approvable('clients.delete', { id: client.id })}
      onClose={onClose}
      onDone={() => {
        onClose();
        toast(t('clients.deleted', { name }));
        navigate({ page: 'clients' });
      }}
    />
  );
}
