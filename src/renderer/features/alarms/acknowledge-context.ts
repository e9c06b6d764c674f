// How the acknowledge dialog reaches the services without knowing the client or the storage: the
// app root provides these functions once, tests of the flow use submitAcknowledge directly.
import { createContext, useContext } from 'react';
import type { AcknowledgeClearedInput } from './acknowledge-cleared-flow';
import type { AcknowledgeInput } from './acknowledge-flow';

export interface AcknowledgeActions {
  // Plain functions (no `this`): the dialog passes them on, e.g. lastOperator as a state initialiser.
  submit: (input: AcknowledgeInput) => Promise<boolean>;
  /** "Acknowledge all cleared": one note for the chosen alarms that are back up. */
  submitCleared: (input: AcknowledgeClearedInput) => Promise<boolean>;
  /** The operator name used last on this screen, '' if none. */
  lastOperator: () => string;
  /** True while an operator PIN is set and this console holds no live session: the dialog asks. */
  pinRequired?: () => boolean;
  /** On a read-only LAN wall: ask for the operator token; true once this screen may act. */
  signIn?: () => Promise<boolean>;
}

export const AcknowledgeContext = createContext<AcknowledgeActions | null>(null);

export function useAcknowledgeActions(): AcknowledgeActions {
  const actions = useContext(AcknowledgeContext);
  if (!actions) throw new Error('AcknowledgeContext is not provided (see main.tsx)');
  return actions;
}
