// Helpers for the probe tests: recorded outputs and the TLS fixture.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../fixtures/probes/', import.meta.url));

export function fixture(path: string): string {
  return readFileSync(root + path, 'utf8');
}
