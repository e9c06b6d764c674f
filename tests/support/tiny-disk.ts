// A data folder on a real, tiny tmpfs for the full-disk tests (issue 14): mounting needs root and
// mount(8); without them the caller skips and prints the reason returned here.
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';

/** Mounts a tmpfs of `size` (e.g. "2m") on `dir`; null when mounted, else why not. */
export function mountTinyTmpfs(dir: string, size: string): string | null {
  if (process.getuid?.() !== 0) return 'not root: cannot mount a tmpfs data folder';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `mount -t tmpfs is not permitted here (${(error as Error).message.split('\n')[0] ?? ''})`;
  }
}

export function unmount(dir: string): void {
  execFileSync('umount', [dir]);
}

/** Writes zeros into `file` until the file system says ENOSPC. */
export function fillUp(file: string): void {
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(64 * 1024);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}
