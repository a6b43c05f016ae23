import { z } from 'zod';
import type { ClientConsents, ConsentRecord } from '../domain/consent';
import { consentMethods, consentPurposes } from '../domain/consent';
import type { ClientExport, ClientExportFile } from '../domain/client-export';
import { command, query, returns } from './define-call';
import { id, optionalText } from './fields';
import { everyone, managers } from './access';

/** An export's file name as main makes it: no folders, nothing to climb out of exports/ with. */
export const exportFileName = z.string().regex(/^[A-Za-z0-9_-]{1,120}\.zip$/, 'invalid_input');

export const consentsApi = {
  'consents.list': query(z.strictObject({ clientId: id }), "A client's consents: the current state per purpose and every record", returns<ClientConsents>(), everyone),
  'consents.record': command(
    z.strictObject({
      clientId: id,
      purpose: z.enum(consentPurposes),
      /** true: consent given; false: withdrawn. */
      granted: z.boolean(),
      method: z.enum(consentMethods),
      note: optionalText(500),
    }),
    'Record that a client gave or withdrew consent for a purpose (appended; the history is kept)',
    returns<ConsentRecord>(),
    everyone,
  ),
  'clients.export': command(
    z.strictObject({ clientId: id, language: z.enum(['es', 'en']).optional() }),
    'Export everything held about a client (data-subject request): one zip in the data folder exports/, data.json and index.html',
    returns<ClientExport>(),
    managers,
  ),
  'clients.exportDownload': query(
    z.strictObject({ fileName: exportFileName }),
    'The bytes of an export made by clients.export (base64), for the desk to save',
    returns<ClientExportFile>(),
    managers,
  ),
};
