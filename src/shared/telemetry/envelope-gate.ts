// The transport wrapper used by every Sentry SDK in the app (Electron main, Node host, browser).
// It sits between the SDK and the network (and in front of the offline queue), and drops every
// envelope whose items are not all granted at the moment of sending.
import type { ConsentCategory } from './consent';
import type { ConsentGate } from './consent-gate';

/** Sentry envelope item types and the category that must be granted for them to leave. */
const ITEM_CATEGORY: Readonly<Record<string, ConsentCategory>> = {
  event: 'error_diagnostics',
  attachment: 'error_diagnostics',
  session: 'error_diagnostics',
  sessions: 'error_diagnostics',
  client_report: 'error_diagnostics',
  transaction: 'performance',
  span: 'performance',
};

/** The structural shape of a Sentry envelope: `[headers, [[itemHeaders, payload], ...]]`. */
export type EnvelopeLike = readonly [unknown, readonly (readonly [unknown, unknown])[]];

function itemType(item: readonly [unknown, unknown]): string | null {
  const headers = item[0];
  if (typeof headers !== 'object' || headers === null || !('type' in headers)) return null;
  return typeof headers.type === 'string' ? headers.type : null;
}

/**
 * True when every item may leave now. Unknown item types (replays, profiles, logs, check-ins,
 * feedback) never do: the app does not use them, and anything new must be classified first.
 */
export function envelopeAllowed(envelope: EnvelopeLike, gate: Pick<ConsentGate, 'allows'>): boolean {
  const items = envelope[1];
  if (items.length === 0) return false;
  return items.every((item) => {
    const type = itemType(item);
    const category = type === null ? undefined : ITEM_CATEGORY[type];
    return category !== undefined && gate.allows(category);
  });
}

export interface TransportLike<E, R> {
  send(envelope: E): PromiseLike<R>;
  flush(timeout?: number): PromiseLike<boolean>;
}

/**
 * Wraps a Sentry transport factory. A dropped envelope resolves like a success (`dropped`), so
 * the SDK neither retries it nor stores it in an offline queue.
 */
export function gateTransport<O, E extends EnvelopeLike, R, T extends TransportLike<E, R>>(
  make: (options: O) => T,
  gate: Pick<ConsentGate, 'allows'>,
  dropped: R,
): (options: O) => T {
  return (options) => {
    const inner = make(options);
    return {
      ...inner,
      send: (envelope: E) =>
        envelopeAllowed(envelope, gate) ? inner.send(envelope) : Promise.resolve(dropped),
      flush: (timeout?: number) => inner.flush(timeout),
    };
  };
}
