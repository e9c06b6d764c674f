// Hot reload: watch the config file's folder (editors often save by writing a new file and renaming
// it over the old one, which a watch on the file itself would miss) and report changes, debounced.
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

export function watchConfigFile(path: string, onChange: () => void, debounceMs = 300): () => void {
  let timer: NodeJS.Timeout | null = null;
  let watcher: FSWatcher | null = null;
  const name = basename(path);
  try {
    watcher = watch(dirname(path), (_event, filename) => {
      if (filename !== null && filename !== name) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        onChange();
      }, debounceMs);
    });
    watcher.on('error', () => undefined);
  } catch {
    // A folder that cannot be watched (network share) just means no hot reload.
    watcher = null;
  }
  return () => {
    if (timer) clearTimeout(timer);
    watcher?.close();
  };
}
