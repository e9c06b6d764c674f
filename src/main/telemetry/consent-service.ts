// The consent of this installation: the stored choice, overridden by IT's policy or environment,
// pushed into the process gate and to every renderer the moment it changes.
import { NO_CONSENT, type ConsentChoice, type ConsentState } from '../../shared/telemetry/consent';
import { withdrawnCategories, type ConsentGate } from '../../shared/telemetry/consent-gate';
import { isoTime } from '../../shared/time';
import type { ConsentStore } from '../store';
import type { ConsentOverride } from './policy';

export class ConsentLockedError extends Error {
  override readonly name = 'ConsentLockedError';
}

export interface ConsentService {
  state(): ConsentState;
  /** Throws ConsentLockedError when IT locked the choice. */
  set(choice: ConsentChoice): ConsentState;
  forgetMe(): Promise<ConsentState>;
}

export interface ConsentServiceOptions {
  store: ConsentStore;
  override: ConsentOverride;
  gate: ConsentGate;
  appVersion: string;
  now: () => number;
  /** Every renderer hears about a change at once. */
  onChange: (state: ConsentState) => void;
  /** Deletes unsent Sentry envelopes on disk; called on withdrawal and on "Forget me". */
  deleteSentryQueue: () => Promise<void>;
}

export function createConsentService(options: ConsentServiceOptions): ConsentService {
  const { store, override } = options;
  // "Forget me" without a stored row (a preset choice) is counted here instead.
  let extraEpochs = 0;

  const state = (): ConsentState => {
    const stored = store.get();
    const common = {
      decidedAt: stored ? isoTime(stored.decidedAt) : null,
      appVersion: stored?.appVersion ?? null,
      identityEpoch: (stored?.identityEpoch ?? 0) + extraEpochs,
    };
    if (override.kind === 'locked') {
      return {
        ...common,
        choice: { ...override.choice },
        source: override.source,
        locked: true,
        needsDecision: false,
      };
    }
    if (stored)
      return { ...common, choice: stored.choice, source: 'stored', locked: false, needsDecision: false };
    if (override.kind === 'preset') {
      return {
        ...common,
        choice: { ...override.choice },
        source: override.source,
        locked: false,
        needsDecision: true,
      };
    }
    return {
      ...common,
      choice: { ...NO_CONSENT },
      source: 'never_asked',
      locked: false,
      needsDecision: true,
    };
  };

  const apply = (next: ConsentState): ConsentState => {
    const previous = options.gate.current();
    options.gate.set(next.choice);
    const withdrawn = withdrawnCategories(previous, next.choice);
    if (withdrawn.includes('error_diagnostics') || withdrawn.includes('performance')) {
      void options.deleteSentryQueue().catch(() => undefined);
    }
    options.onChange(next);
    return next;
  };

  options.gate.set(state().choice);

  return {
    state,
    set(choice) {
      if (override.kind === 'locked')
        throw new ConsentLockedError('the telemetry choice is locked by IT policy');
      store.save(choice, options.now(), options.appVersion);
      return apply(state());
    },
    async forgetMe() {
      if (store.bumpIdentityEpoch() === null) extraEpochs += 1;
      await options.deleteSentryQueue().catch(() => undefined);
      return apply(state());
    },
  };
}
