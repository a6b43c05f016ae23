import type { OpenProblem } from '../db/open-problem';
import { ensureDatabaseFolder, explainOpenFailure } from '../db/open-problem';
import type { ApiHost, OpenApiOptions } from './open-api';
import { openApi } from './open-api';

/**
 * What every host does at start-up: the API over the file, or why it cannot be had (damaged, from
 * a newer version, read-only, a full disk, in use by another program…), never a stack. The
 * folder is created on the first start.
 */
export async function openApiOrExplain(dbPath: string, options: OpenApiOptions = {}): Promise<{ ok: true; host: ApiHost } | { ok: false; problem: OpenProblem }> {
  const folderProblem = ensureDatabaseFolder(dbPath);
  if (folderProblem) return { ok: false, problem: folderProblem };
  try {
    return { ok: true, host: await openApi(dbPath, options) };
  } catch (error) {
    return { ok: false, problem: explainOpenFailure(error, dbPath) };
  }
}
