#!/usr/bin/env node
// The `linewatch` command. The code lives in out/main/cli.js, built by `npm run build`.
import { existsSync } from 'node:fs';
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
await import(cli);
