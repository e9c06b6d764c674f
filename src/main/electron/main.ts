// Electron entry point (bundled to out/main/index.js). Everything lives in small modules so it can
// be unit-tested against a fake `electron`; this file only wires in the real services.
import { startLinewatchServices } from '../app/services';
import { runLinewatchShell } from './lifecycle';

const shell = runLinewatchShell({ startServices: startLinewatchServices, argv: process.argv });

// Startup failures are already logged, shown in a dialog and followed by exit(1); this only keeps
// Node from reporting the same rejection a second time as "unhandled".
shell?.ready.catch(() => undefined);
