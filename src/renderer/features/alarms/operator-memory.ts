// Remembers who acknowledged last on this screen, so the next acknowledgement of the same shift is
// one field shorter. Storage can be unavailable (privacy settings, a full quota): then it forgets.
import type { OperatorMemory } from './acknowledge-flow';

const KEY = 'linewatch.operator';

export function createOperatorMemory(storage: Storage | null = safeLocalStorage()): OperatorMemory {
  return {
    load: () => {
      try {
        return storage?.getItem(KEY) ?? '';
      } catch {
        return '';
      }
    },
    save: (operator) => {
      try {
        storage?.setItem(KEY, operator);
      } catch {
        // Not remembering a name is harmless.
      }
    },
  };
}

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
