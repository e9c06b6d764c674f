// The privacy hooks every Sentry SDK in the app is initialised with (Electron main, Node host,
// browser): consent checked per event, every event, breadcrumb and span scrubbed, no user, no
// machine name, no request URL, and a fingerprint that groups a fault per line and device type.
import type { ConsentGate } from './consent-gate';
import type { FaultContext } from './fault-context';
import type { Scrubber } from './scrubber';

export type { FaultContext } from './fault-context';

/** `[error kind, endpoint type, line]`: the same fault on the same line is one Sentry issue. */
export function faultFingerprint(fault: FaultContext): string[] {
  return [fault.errorKind, fault.endpointType ?? 'app', fault.lineHash ?? 'none'];
}

/** Every value here is already a hash, an enum or a bucket (see fault-context.ts). */
export function faultTags(siteHash: string, fault: FaultContext): Record<string, string> {
  return {
    site: siteHash,
    error_kind: fault.errorKind,
    line: fault.lineHash ?? 'none',
    endpoint_type: fault.endpointType ?? 'none',
    criticality: fault.critical === undefined ? 'none' : fault.critical ? 'critical' : 'normal',
    downtime_cost_per_minute: fault.costBucket ?? 'none',
    shift: fault.shift ?? 'none',
  };
}

/** Fields of a Sentry event the hooks touch; the SDKs' own event types are wider. */
export interface EventShape {
  server_name?: string;
  user?: unknown;
  request?: unknown;
  sdkProcessingMetadata?: unknown;
  fingerprint?: string[];
  tags?: Record<string, unknown>;
}

/** Performance spans: probe cycles are frequent, so only a sample of them. */
const PROBE_SAMPLE_RATE = 0.05;

export function sentryPrivacyHooks(
  gate: Pick<ConsentGate, 'allows'>,
  scrubber: Scrubber,
  siteHash: () => string,
) {
  const scrubEvent = <T extends EventShape>(event: T): T => {
    // SDK bookkeeping is never sent and holds live objects (scopes): keep it out of the copy.
    const { sdkProcessingMetadata, ...rest } = event;
    const clean = scrubber.value(rest);
    delete clean.server_name;
    delete clean.user;
    delete clean.request;
    clean.tags = { ...clean.tags, site: siteHash() };
    return { ...clean, sdkProcessingMetadata } as T;
  };
  return {
    sendDefaultPii: false,
    beforeSend<T extends EventShape>(event: T): T | null {
      return gate.allows('error_diagnostics') ? scrubEvent(event) : null;
    },
    beforeSendTransaction<T extends EventShape>(event: T): T | null {
      return gate.allows('performance') ? scrubEvent(event) : null;
    },
    beforeBreadcrumb<B>(breadcrumb: B): B | null {
      return gate.allows('error_diagnostics') || gate.allows('performance')
        ? scrubber.value(breadcrumb)
        : null;
    },
    // The SDK cannot drop a single span here; the transaction around it is gated above.
    beforeSendSpan<S>(span: S): S {
      return scrubber.value(span);
    },
    // A sampler, not a fixed rate, so granting or withdrawing `performance` applies to the next trace.
    tracesSampler(context: { name?: string; attributes?: Record<string, unknown> }): number {
      if (!gate.allows('performance')) return 0;
      return context.name?.startsWith('probe') ? PROBE_SAMPLE_RATE : 1;
    },
  };
}
