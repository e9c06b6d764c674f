// Every store test works on a real database file in its own temporary folder, removed afterwards,
// because WAL, checkpoints and file creation only behave for real on disk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

export function useTempDataDirs(): () => string {
  const created: string[] = [];
  afterEach(() => {
    for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linewatch-store-'));
    created.push(dir);
    return dir;
  };
}
