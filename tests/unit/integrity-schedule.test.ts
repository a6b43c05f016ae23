import { copyFileSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { integrityCheckEveryMs, recordCleanClose, skippableCheckedAt } from '../../src-main/db/integrity-schedule';

let dir: string;
let db: string;
const checkedAt = '2026-03-02T09:00:00.000Z';
const soon = new Date(Date.parse(checkedAt) + 60_000);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mostrador-integrity-'));
  db = join(dir, 'mostrador.db');
  writeFileSync(db, Buffer.alloc(8192, 1));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('when the start-up quick_check may be skipped', () => {
  it('only for the very file this app closed cleanly, within a week of the last check', () => {
    expect(skippableCheckedAt(db, soon)).toBeNull(); // never closed by the app
    recordCleanClose(db, checkedAt);
    expect(skippableCheckedAt(db, soon)).toBe(checkedAt);
    expect(skippableCheckedAt(db, new Date(Date.parse(checkedAt) + integrityCheckEveryMs))).toBeNull();
  });

  it('not after an unclean shutdown: a -wal left beside the file', () => {
    recordCleanClose(db, checkedAt);
    writeFileSync(`${db}-wal`, Buffer.alloc(32, 0));
    expect(skippableCheckedAt(db, soon)).toBeNull();
  });

  it('not when the file was written since (another size or time), nor for a copy', () => {
    recordCleanClose(db, checkedAt);
    writeFileSync(db, Buffer.alloc(8192, 2));
    utimesSync(db, new Date(), new Date(Date.now() + 5000));
    expect(skippableCheckedAt(db, soon)).toBeNull();

    recordCleanClose(db, checkedAt);
    const copy = join(dir, 'copia.db');
    copyFileSync(db, copy);
    copyFileSync(`${db}-checked.json`, `${copy}-checked.json`);
    expect(skippableCheckedAt(copy, soon)).toBeNull(); // another inode
  });

  it('not when the record is unreadable', () => {
    writeFileSync(`${db}-checked.json`, '{ not json');
    expect(skippableCheckedAt(db, soon)).toBeNull();
  });
});
