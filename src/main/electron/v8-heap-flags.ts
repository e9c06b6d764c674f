// Imported first by the Electron entry, so it runs before the services start (the bundle's
// shared chunk is evaluated before it, but its top level only defines functions and constants).
// The console's main process runs the same engine as `linewatch serve`, which bin/linewatch.js
// starts with V8's --optimize-for-size: with V8's default growth serve at 2,000 endpoints climbed
// to ~200 MB RSS before its first full collection, optimised for size it holds ~130 MB for
// ~20-30 % more CPU. Electron's `--js-flags` switch would only reach the main process from the
// command line that started it, so the flag is set here instead.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--optimize-for-size');
