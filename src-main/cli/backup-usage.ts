/** The backup commands' names and usage: apart from their code, so the CLI knows them without loading it. */
export const backupCommandNames = ['backup', 'restore', 'verify'] as const;

export const backupUsage = `  backup [FILE]         a backup now, rotated with the others in the data folder's backups/;
                        or, with FILE, a consistent copy of the database to FILE
  restore FILE          replaces the database with FILE (checked first; the current one is kept aside:
                        "api backups.undoRestore" puts it back)
  verify [FILE]         checks a backup, or with no FILE the database itself: whole (integrity_check)
                        and of a schema this version knows; prints what it holds`;

export function isBackupCommand(command: string): command is (typeof backupCommandNames)[number] {
  return (backupCommandNames as readonly string[]).includes(command);
}
