// Wraps the console: on first run (nothing decided, not locked) the consent dialog comes first, as
// the privacy spec asks, even where no DSN or token is configured yet (the choice then applies as
// soon as IT configures one). Walls never show it: kiosk walls, and LAN walls (the app info says
// `read-only`, or the tab presents the operator token; see `lanWall`). Unasked, everything stays off.
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { useWall } from '../../live/wall-store';
import { ConsentDialog } from './ConsentDialog';
import { telemetryStore } from './telemetry-store';
import './consent.css';

export function ConsentGate(props: { children: ReactNode }) {
  const consent = useStore(telemetryStore, (s) => s.consent);
  const kiosk = useStore(telemetryStore, (s) => s.kiosk);
  const actions = useStore(telemetryStore, (s) => s.actions);
  const error = useStore(telemetryStore, (s) => s.error);
  const ready = useStore(telemetryStore, (s) => s.ready);
  const lanWall = useWall((s) => s.lanWall);
  // Asked at start with the snapshot; a failed load counts as known (then it is no LAN wall).
  const accessKnown = useWall((s) => s.appInfo !== null || s.loadError !== null);
  // Until consent is known the console waits (a moment on loopback), so a first run never shows
  // the dashboard before the question. A host that cannot answer falls through to the console.
  if (!kiosk && !ready) return null;
  if (kiosk || lanWall || consent === null || !consent.needsDecision || actions === null) {
    return <>{props.children}</>;
  }
  // The question waits for the app info too, so a read-only wall never flashes it.
  if (!accessKnown) return null;
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
