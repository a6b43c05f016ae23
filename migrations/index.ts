import type { Kysely } from 'kysely';
import * as foundation from './0001-foundation';
import * as agenda from './0002-agenda';
import * as appointments from './0003-appointments';
import * as checkout from './0004-checkout';
import * as feedAndSignIn from './0005-feed-and-sign-in';
import * as backupsAndRequests from './0006-backups-and-requests';
import * as sync from './0007-sync';
import * as today from './0008-today';
import * as templates from './0009-templates';
import * as checkInWindow from './0010-checkin-window';
import * as clientNotes from './0011-client-notes';
import * as clientConsents from './0012-client-consents';
import * as clientPhotos from './0013-client-photos';
import * as blacklistSuggestions from './0015-blacklist-suggestions';
import * as fiscal from './0016-fiscal';
import * as birthdayIndex from './0017-birthday-index';
import * as saleLineLinks from './0018-sale-line-links';
import * as agendaDayPages from './0019-agenda-day-pages';
import * as searchPrefixes from './0020-search-prefixes';
import * as busyCovering from './0021-busy-covering';

export interface Migration {
  up(db: Kysely<any>): Promise<void>;
}

/** Every migration, in order. Listed by hand: a bundled main process cannot scan a folder. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-agenda': agenda,
  '0003-appointments': appointments,
  '0004-checkout': checkout,
  '0005-feed-and-sign-in': feedAndSignIn,
  '0006-backups-and-requests': backupsAndRequests,
  '0007-sync': sync,
  '0008-today': today,
  '0009-templates': templates,
  '0010-checkin-window': checkInWindow,
  '0011-client-notes': clientNotes,
  '0012-client-consents': clientConsents,
  '0013-client-photos': clientPhotos,
  '0015-blacklist-suggestions': blacklistSuggestions,
  '0016-fiscal': fiscal,
  '0017-birthday-index': birthdayIndex,
  '0018-sale-line-links': saleLineLinks,
  '0019-agenda-day-pages': agendaDayPages,
  '0020-search-prefixes': searchPrefixes,
  '0021-busy-covering': busyCovering,
};
