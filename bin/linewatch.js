#!/usr/bin/env node
// The `linewatch` command. The code lives in out/main/cli.js, built by `npm run build`.
import { existsSync } from 'node:fs';
import v8 from 'node:v8';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`linewatch needs Node.js 22.12 or newer; this is ${process.version}\n`);
  process.exit(1);
}
const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('linewatch is not built yet: run `npm run build` first\n');
  process.exit(1);
}
// The long-running commands trade some CPU for a heap that does not balloon: with V8's default
// growth `serve` at 2,000 endpoints climbed to ~200 MB RSS before its first full collection and
// settled at ~135 MB; optimised for size it holds ~120-130 MB from the start, for ~20-30 % more CPU
// (5 -> 6-6.5 % of a core). Set before the CLI loads, so the whole run uses it.
if (process.argv[2] === 'serve' || process.argv[2] === 'demo') v8.setFlagsFromString('--optimize-for-size');
await import(cli);
