import { newId } from '../engine/ids';
import { assertClientExists } from '../db/queries/client-passes';
import { consentsOfClient, insertConsent } from '../db/queries/consents';
import { readCentreSettings } from '../db/queries/settings';
import { AppError } from '../errors/app-error';
import { readExportFile, writeClientExport } from '../export/client-export';
import type { Handlers } from './handler';

type ConsentHandlers = Pick<Handlers, 'consents.list' | 'consents.record' | 'clients.export' | 'clients.exportDownload'>;

export const consentHandlers: ConsentHandlers = {
  'consents.list': async ({ clientId }, { db }) => {
    await assertClientExists(db, clientId);
    return consentsOfClient(db, clientId);
  },

  'consents.record': async ({ clientId, purpose, granted, method, note }, { tx, now, caller, log }) => {
    await assertClientExists(tx, clientId);
    const id = newId();
    // Appended, never updated: the history of grants and withdrawals is the record a DPA asks for.
    await insertConsent(tx, { id, client_id: clientId, purpose, granted: granted ? 1 : 0, method, note: note ?? null, staff_id: caller.staffId, recorded_at: now });
    log({ entity: 'client_consent', entityId: id, subjectClientId: clientId, changes: { clientId, purpose, granted, method, note: note ?? null } });
    return (await consentsOfClient(tx, clientId)).history.find((r) => r.id === id)!;
  },

  // A command, not a query: the export is recorded in the audit trail (who handed out whose data, when).
  'clients.export': async ({ clientId, language }, { tx, now, caller, dataDir, log }) => {
    await assertClientExists(tx, clientId);
    const lang = language ?? (await readCentreSettings(tx)).language;
    const result = await writeClientExport(clientId, { db: tx, caller, dataDir, now, language: lang });
    log({ entity: 'client', entityId: clientId, subjectClientId: clientId, changes: { exported: result.fileName, parts: result.parts } });
    return result;
  },

  'clients.exportDownload': async ({ fileName }, { dataDir }) => {
    const bytes = readExportFile(dataDir, fileName);
    if (!bytes) throw new AppError('not_found', 'fileName');
    return { fileName, base64: Buffer.from(bytes).toString('base64') };
  },
};
