import Sqlite from 'better-sqlite3';

/** What backups need to know of the open database: whose they are, where the second copy goes, the centre's calendar. */
export interface DeskFacts {
  deskId: string;
  secondFolder: string | null;
  timeZone: string;
}

export function readDeskFacts(sqlite: Sqlite.Database): DeskFacts {
  const desk = sqlite.prepare('SELECT id, backup_folder FROM desk_identity').get() as { id: string; backup_folder: string | null };
  const centre = sqlite.prepare("SELECT time_zone FROM centre_settings WHERE id = 'centre'").get() as { time_zone: string } | undefined;
  return { deskId: desk.id, secondFolder: desk.backup_folder, timeZone: centre?.time_zone ?? 'UTC' };
}

/** The desk id a database file carries (the kept-aside file of a restore keeps its own). */
export function deskIdOf(sqlite: Sqlite.Database): string | null {
  try {
    return (sqlite.prepare('SELECT id FROM desk_identity').pluck().get() as string | undefined) ?? null;
  } catch {
    return null;
  }
}

/** The desk id of a closed database file, read-only. */
export function deskIdOfFile(path: string): string | null {
  const file = new Sqlite(path, { readonly: true, fileMustExist: true });
  try {
    return deskIdOf(file);
  } finally {
    file.close();
  }
}
