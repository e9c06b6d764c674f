// The questions the console may have to put to the operator before it can act: the operator PIN,
// or (on a read-only LAN wall) the operator token. One prompt at a time; callers that need the same
// answer while it is open share it, so three refused calls still ask once.
import { createStore, type StoreApi } from 'zustand/vanilla';

export type PromptKind = 'pin' | 'token';

export type PromptOutcome = { ok: true } | { ok: false; message: string };

export interface PromptRequest {
  kind: PromptKind;
  /** What the answer is for, completing "… to <purpose>", e.g. "acknowledge the alarm". */
  purpose: string;
  /** Checks the value with the services; the prompt stays open with the message until ok. */
  submit(value: string): Promise<PromptOutcome>;
}

export interface OpenPrompt extends PromptRequest {
  id: number;
}

export interface OperatorPromptState {
  open: OpenPrompt | null;
}

export interface OperatorPrompts {
  store: StoreApi<OperatorPromptState>;
  /** Resolves true once `submit` said ok, false when the operator cancels. */
  ask(request: PromptRequest): Promise<boolean>;
  /** Called by the prompt component: the value was accepted (true) or the operator cancelled. */
  finish: (id: number, accepted: boolean) => void;
}

export function createOperatorPrompts(): OperatorPrompts {
  const store = createStore<OperatorPromptState>()(() => ({ open: null }));
  let nextId = 1;
  // Per kind, the answer every caller waiting for that prompt shares (also while it is queued).
  const answers = new Map<PromptKind, Promise<boolean>>();
  let current: { kind: PromptKind; id: number; resolve: (ok: boolean) => void } | null = null;
  // Prompts of different kinds take turns: each opens once the one before it was answered.
  let queue: Promise<unknown> = Promise.resolve();

  const openNow = (request: PromptRequest): Promise<boolean> =>
    new Promise<boolean>((resolve) => {
      const id = nextId++;
      current = { kind: request.kind, id, resolve };
      store.setState({ open: { ...request, id } });
    });

  return {
    store,
    ask(request) {
      const shared = answers.get(request.kind);
      if (shared) return shared;
      const answer = queue.then(() => openNow(request));
      answers.set(request.kind, answer);
      queue = answer;
      return answer;
    },
    finish(id, accepted) {
      if (current?.id !== id) return;
      const { kind, resolve } = current;
      current = null;
      // Forgotten before resolving, so a caller that asks again at once gets a new prompt.
      answers.delete(kind);
      store.setState({ open: null });
      resolve(accepted);
    },
  };
}
