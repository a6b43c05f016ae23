/**
 * Real faults for real files: a tiny tmpfs disk that a filler file fills to the last byte, a file
 * or folder bind-mounted read-only (EROFS stops root too, unlike chmod), an ext4 disk that the
 * kernel turns read-only under open files (as errors=remount-ro does after an I/O error). All
 * need mount(8) as root; `faultMountsUnavailable()` says why not elsewhere, for a clean skip.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

let probed: string | null | undefined;

/** Null when tmpfs and bind mounts work here, else the reason the fault tests skip. */
export function faultMountsUnavailable(): string | null {
  if (probed !== undefined) return probed;
  if (process.platform !== 'linux') return (probed = `needs Linux mounts (this is ${process.platform})`);
  if (process.getuid?.() !== 0) return (probed = 'needs root to mount a tmpfs and bind mounts');
  const dir = mkdtempSync(join(tmpdir(), 'mostrador-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'pipe' });
    execFileSync('umount', [dir], { stdio: 'pipe' });
    probed = null;
  } catch (error) {
    probed = `mount is not permitted here: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`;
  }
  rmSync(dir, { recursive: true, force: true });
  return probed;
}

export interface TinyDisk {
  /** The mount point: put the database here. */
  dir: string;
  /** Fills the disk to its last byte with a filler file. */
  fill(): void;
  /** Removes the filler: the space is back. */
  free(): void;
  unmount(): void;
}

/** A tmpfs of `sizeBytes` mounted on a fresh temp folder. */
export function mountTinyDisk(sizeBytes: number): TinyDisk {
  const dir = mkdtempSync(join(tmpdir(), 'mostrador-tiny-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes},mode=0777`, 'tmpfs', dir], { stdio: 'pipe' });
  const filler = join(dir, 'filler.bin');
  return {
    dir,
    fill: () => fillUp(filler),
    free: () => rmSync(filler, { force: true }),
    unmount: () => {
      unmount(dir);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Writes until ENOSPC, in smaller and smaller pieces, so not a byte is left. */
function fillUp(path: string): void {
  const fd = openSync(path, 'a');
  try {
    for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 9, 1]) {
      const chunk = Buffer.alloc(size, 0x55);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** Bind-mounts a file or folder over itself, read-only; answers the undo. Root gets EROFS too. */
export function bindReadOnly(path: string): () => void {
  execFileSync('mount', ['--bind', path, path], { stdio: 'pipe' });
  execFileSync('mount', ['-o', 'remount,ro,bind', path], { stdio: 'pipe' });
  return () => unmount(path);
}

/** Bind-mounts a file over itself, writable (a writable file inside a read-only folder); answers the undo. */
export function bindWritable(path: string): () => void {
  execFileSync('mount', ['--bind', path, path], { stdio: 'pipe' });
  execFileSync('mount', ['-o', 'remount,rw,bind', path], { stdio: 'pipe' });
  return () => unmount(path);
}

export interface Ext4Disk {
  dir: string;
  /** What the kernel does on an I/O error with errors=remount-ro: the disk turns read-only under open files. */
  turnReadOnly(): void;
  unmount(): void;
}

/** A small ext4 disk on a loop device (an image in the temp folder), mounted with errors=remount-ro. */
export function mountExt4Disk(sizeBytes: number): Ext4Disk {
  const image = join(mkdtempSync(join(tmpdir(), 'mostrador-ext4-image-')), 'disk.ext4');
  writeFileSync(image, '');
  execFileSync('truncate', ['-s', String(sizeBytes), image]);
  execFileSync('mkfs.ext4', ['-q', '-F', image], { stdio: 'pipe' });
  const dir = mkdtempSync(join(tmpdir(), 'mostrador-ext4-'));
  execFileSync('mount', ['-o', 'loop,errors=remount-ro', image, dir], { stdio: 'pipe' });
  const device = basename(execFileSync('findmnt', ['-n', '-o', 'SOURCE', dir]).toString().trim());
  return {
    dir,
    turnReadOnly: () => writeFileSync(`/sys/fs/ext4/${device}/trigger_fs_error`, 'mostrador fault test'),
    unmount: () => {
      unmount(dir);
      rmSync(dir, { recursive: true, force: true });
      rmSync(dirname(image), { recursive: true, force: true });
    },
  };
}

/** Unmounts, lazily if something still holds it open. */
function unmount(path: string): void {
  try {
    execFileSync('umount', [path], { stdio: 'pipe' });
  } catch {
    execFileSync('umount', ['-l', path], { stdio: 'pipe' });
  }
}
