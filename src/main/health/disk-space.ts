// Free space in the data folder, read with statfs at most once per `maxAgeMs`: /healthz may be
// asked many times a second, the disk does not fill that fast.
import { statfsSync } from 'node:fs';

export interface DiskSpace {
  freeBytes: number;
  totalBytes: number;
}

export type ReadDiskSpace = (dir: string) => DiskSpace;

export const readDiskSpace: ReadDiskSpace = (dir) => {
  const stats = statfsSync(dir);
  // bavail, not bfree: what this (unprivileged) process may still write.
  return { freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize };
};

export function cachedDiskSpace(
  dir: string,
  now: () => number,
  maxAgeMs: number,
  read: ReadDiskSpace = readDiskSpace,
): () => DiskSpace | Error {
  let last: { at: number; value: DiskSpace | Error } | null = null;
  return () => {
    if (last === null || now() - last.at >= maxAgeMs) {
      let value: DiskSpace | Error;
      try {
        value = read(dir);
      } catch (error) {
        value = error instanceof Error ? error : new Error(String(error));
      }
      last = { at: now(), value };
    }
    return last.value;
  };
}
