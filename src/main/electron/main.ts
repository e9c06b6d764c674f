// Electron entry point (bundled to out/main/index.js). Everything lives in small modules so it can
// be unit-tested against a fake `electron`; this file only wires in the real services and paths.
import './v8-heap-flags';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLinewatchServices } from '../app/services';
import { runLinewatchShell } from './lifecycle';

// Resolved here because this file is always the entry `out/main/index.js`; a helper module could
// be split into a chunk in another folder by the bundler and compute the wrong siblings.
const mainDir = dirname(fileURLToPath(import.meta.url));

const shell = runLinewatchShell({
  startServices: startLinewatchServices,
  argv: process.argv,
  rendererDir: join(mainDir, '..', 'renderer'),
  preloadPath: join(mainDir, '..', 'preload', 'index.cjs'),
});

// Startup failures are already logged, shown in a dialog and followed by exit(1); this only keeps
// Node from reporting the same rejection a second time as "unhandled".
shell?.ready.catch(() => undefined);
