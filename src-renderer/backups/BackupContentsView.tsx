import { useTranslation } from 'react-i18next';
import type { BackupContents } from '../../src-shared/domain/backups';
import { useSettings } from '../app/settings-context';
import { formatNumber } from '../lib/format';
import { formatDateTime } from '../lib/time';

/** What a backup holds: the centre, its last change, how many clients, bookings, appointments and sales. */
export function BackupContentsView({ contents }: { contents: BackupContents }) {
  const { t } = useTranslation();
  const { timeZone } = useSettings().settings;
  const rows: [string, string][] = [
    [t('backups.centre'), contents.centreName || t('app.none')],
    [t('backups.lastChange'), contents.lastChangeAt ? formatDateTime(contents.lastChangeAt, timeZone) : t('backups.noChange')],
    [t('backups.counts.clients'), formatNumber(contents.counts.clients)],
    [t('backups.counts.bookings'), formatNumber(contents.counts.bookings)],
    [t('backups.counts.appointments'), formatNumber(contents.counts.appointments)],
    [t('backups.counts.sales'), formatNumber(contents.counts.sales)],
  ];
  return (
    <dl className="backup-contents" aria-label={t('backups.contents')}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
