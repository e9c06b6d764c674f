// THE consent check. Every process holds one gate; SDK init, every transport, the Mixpanel wrapper
// and the CLI all ask `allows(category)` at the moment data would leave, so a withdrawal takes
// effect for the very next envelope without a restart.
import { NO_CONSENT, type ConsentCategory, type ConsentChoice } from './consent';

export type ConsentListener = (choice: ConsentChoice, previous: ConsentChoice) => void;

export interface ConsentGate {
  allows(category: ConsentCategory): boolean;
  current(): ConsentChoice;
  set(choice: ConsentChoice): void;
  /** Called after every change with the new and the previous choice; returns the unsubscribe. */
  subscribe(listener: ConsentListener): () => void;
}

export function createConsentGate(initial: ConsentChoice = NO_CONSENT): ConsentGate {
  let choice: ConsentChoice = { ...initial };
  const listeners = new Set<ConsentListener>();
  return {
    // Only a literal true grants: a category name from outside the types reads as undefined, not yes.
    allows: (category) => (choice[category] as unknown) === true,
    current: () => ({ ...choice }),
    set(next) {
      const previous = choice;
      choice = { ...next };
      for (const listener of [...listeners]) listener({ ...choice }, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Categories that were on before and are off now: their unsent queues must be deleted. */
export function withdrawnCategories(previous: ConsentChoice, next: ConsentChoice): ConsentCategory[] {
  return (Object.keys(previous) as ConsentCategory[]).filter((c) => previous[c] && !next[c]);
}
