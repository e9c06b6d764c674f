// Wraps the console: on first run (nothing decided, not locked) the consent dialog comes first, as
// the privacy spec asks, even where no DSN or token is configured yet (the choice then applies as
// soon as IT configures one); kiosk walls never show it.
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { ConsentDialog } from './ConsentDialog';
import { telemetryStore } from './telemetry-store';
import './consent.css';

export function ConsentGate(props: { children: ReactNode }) {
  const consent = useStore(telemetryStore, (s) => s.consent);
  const kiosk = useStore(telemetryStore, (s) => s.kiosk);
  const actions = useStore(telemetryStore, (s) => s.actions);
  const error = useStore(telemetryStore, (s) => s.error);
  const ready = useStore(telemetryStore, (s) => s.ready);
  // Until consent is known the console waits (a moment on loopback), so a first run never shows
  // the dashboard before the question. A host that cannot answer falls through to the console.
  if (!kiosk && !ready) return null;
  if (kiosk || consent === null || !consent.needsDecision || actions === null) {
    return <>{props.children}</>;
  }
  return (
    <ConsentDialog
      initial={consent.choice}
      locked={consent.locked}
      source={consent.source}
      error={error}
      onSave={(choice) => void actions.save(choice)}
    />
  );
}
