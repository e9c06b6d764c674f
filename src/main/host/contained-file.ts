// The one resolver both ways of serving the renderer use (the headless HTTP host and Electron's
// app:// protocol): a request path maps to a file only when that file is a regular file whose real
// path, symlinks resolved, is inside the real path of the folder being served.
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

export type ContainedFile =
  | {
      ok: true;
      /** The path as requested, inside the folder (its extension names the content type). */
      path: string;
      /** The same file with every symlink resolved: read this one. */
      realPath: string;
    }
  /** 400 a path no file can have, 403 one that leaves the folder, 404 no regular file there. */
  | { ok: false; status: 400 | 403 | 404 };

/** True when `child` is `root` itself or below it (both absolute and normalized). */
export function isWithin(root: string, child: string): boolean {
  const rel = relative(root, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Resolves an already percent-decoded URL path (`/`, `/assets/app.js`) inside `root`; `/` is
 * `index.html`. Decoding first matters: `%2e%2e%2f` must be judged as the `../` it becomes.
 */
export async function resolveContainedFile(root: string, decodedPath: string): Promise<ContainedFile> {
  if (decodedPath.includes('\0')) return { ok: false, status: 400 };
  const base = resolve(root);
  const relativePath =
    decodedPath === '/' || decodedPath === '' ? 'index.html' : decodedPath.replace(/^\/+/, '');
  const target = resolve(join(base, relativePath));
  if (!isWithin(base, target)) return { ok: false, status: 403 };
  let realRoot: string;
  let realTarget: string;
  try {
    [realRoot, realTarget] = await Promise.all([realpath(base), realpath(target)]);
  } catch {
    return { ok: false, status: 404 };
  }
  // A symlink inside the folder can still point outside it: compare the real paths too.
  if (!isWithin(realRoot, realTarget)) return { ok: false, status: 403 };
  try {
    // Directories, sockets, FIFOs and devices are not files to serve (a FIFO would hang the read).
    if (!(await stat(realTarget)).isFile()) return { ok: false, status: 404 };
  } catch {
    return { ok: false, status: 404 };
  }
  return { ok: true, path: target, realPath: realTarget };
}
