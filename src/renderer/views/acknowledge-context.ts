// How the acknowledge dialog reaches the services without knowing the client or the storage: the
// app root provides these two functions once, tests of the flow use submitAcknowledge directly.
import { createContext, useContext } from 'react';
import type { AcknowledgeInput } from '../stores/acknowledge-flow';

export interface AcknowledgeActions {
  submit(input: AcknowledgeInput): Promise<boolean>;
  /** The operator name used last on this screen, '' if none. */
  lastOperator(): string;
  /** True on a kiosk wall with an operator PIN set: the dialog then asks for it. */
  pinRequired?(): boolean;
}

export const AcknowledgeContext = createContext<AcknowledgeActions | null>(null);

export function useAcknowledgeActions(): AcknowledgeActions {
  const actions = useContext(AcknowledgeContext);
  if (!actions) throw new Error('AcknowledgeContext is not provided (see main.tsx)');
  return actions;
}
