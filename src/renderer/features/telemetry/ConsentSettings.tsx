// The consent section of Settings: change any category at any time (effective at once), or
// "Forget me" to get a new analytics identity and drop everything not yet sent.
import { useState } from 'react';
import { useStore } from 'zustand';
import { LockedNote, ConsentChoices } from './ConsentChoices';
import { NEVER_SENT } from './consent-copy';
import { telemetryStore } from './telemetry-store';
import './consent.css';

export function ConsentSettings() {
  const consent = useStore(telemetryStore, (s) => s.consent);
  const config = useStore(telemetryStore, (s) => s.config);
  const actions = useStore(telemetryStore, (s) => s.actions);
  const error = useStore(telemetryStore, (s) => s.error);
  const [forgotten, setForgotten] = useState(false);
  if (consent === null || actions === null) return null;
  const configured = config !== null && (config.sentryDsn !== null || config.mixpanelToken !== null);
  return (
    <section className="consent-settings" aria-labelledby="consent-settings-heading">
      <h2 id="consent-settings-heading">Privacy and telemetry</h2>
      {!configured && (
        <p className="consent-lead">
          No telemetry service is configured on this machine: nothing is sent, whatever is chosen.
        </p>
      )}
      {consent.locked && <LockedNote source={consent.source} />}
      <ConsentChoices
        choice={consent.choice}
        locked={consent.locked}
        onChange={(choice) => void actions.save(choice)}
      />
      <p className="consent-meta">
        {consent.decidedAt
          ? `Decided ${new Date(consent.decidedAt).toLocaleString()} (version ${consent.appVersion ?? '?'}).`
          : 'Not decided yet.'}
      </p>
      <p className="consent-never">{NEVER_SENT}</p>
      <div className="consent-actions">
        <button
          type="button"
          className="consent-secondary"
          onClick={() => void actions.forgetMe().then(() => setForgotten(true))}
        >
          Forget me
        </button>
        {forgotten && <span className="consent-meta">New anonymous identity; unsent data deleted.</span>}
      </div>
      {error && (
        <p className="consent-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
