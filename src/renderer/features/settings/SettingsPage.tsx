// Settings (`#/settings`): kiosk rotation, the wall display, the operator PIN, and the data
// retention from the config (read-only). Every change is audited with the name given here. While a
// PIN is set every save needs it (sent as proof; a PIN entered in the last minutes elsewhere on
// this console counts too), and changing or removing the PIN always needs the current PIN itself.
// A read-only LAN wall gets the operator token prompt from the client when it saves.
import { useState, type SubmitEvent } from 'react';
import { useStore } from 'zustand';
import { MAX_ROTATION_SECONDS, MIN_ROTATION_SECONDS, type ConsoleSettings } from '../../../shared/contract';
import { useClient } from '../../app/client-context';
import { KIOSK } from '../../app/kiosk-mode';
import { routeHref } from '../../app/router';
import { ContractCallError } from '../../client/linewatch-client';
import { describeForbidden } from '../../client/operator-access';
import { PinField } from '../access/OperatorPrompt';
import { settingsStore, useSettings } from './settings-store';
import { isReadOnlyConnection } from '../../live/wall-store';
import { ConsentSettings } from '../telemetry/ConsentSettings';
import { RetentionFacts } from './RetentionFacts';

type Outcome = { kind: 'saved' } | { kind: 'error'; message: string } | null;

function describeFailure(error: unknown): string {
  if (error instanceof ContractCallError) {
    if (error.code === 'forbidden') {
      return `Not saved. ${describeForbidden(error.detail, isReadOnlyConnection(), 'save the settings')}`;
    }
    return `Not saved: ${error.detail}`;
  }
  return `Not saved: ${error instanceof Error ? error.message : String(error)}`;
}

function SettingsForm({ settings }: { settings: ConsoleSettings }) {
  const client = useClient();
  const [rotation, setRotation] = useState(String(settings.kioskRotationSeconds));
  const [display, setDisplay] = useState(settings.displayIndex === null ? '' : String(settings.displayIndex));
  const [actor, setActor] = useState('');
  const [currentPin, setCurrentPin] = useState('');
  const [newPin, setNewPin] = useState('');
  const [removePin, setRemovePin] = useState(false);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const hasSession = useStore(client.operator.session.store, (state) => state.token !== null);
  const changesPin = newPin !== '' || removePin;
  // A live operator session is proof enough for a plain save, never for a PIN change.
  const pinOptional = hasSession && !changesPin;

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (settings.pinSet && currentPin === '' && !pinOptional) {
      setOutcome({
        kind: 'error',
        message: changesPin
          ? 'Not saved: enter the current PIN to change or remove it.'
          : 'Not saved: an operator PIN is set, enter it to save the settings.',
      });
      return;
    }
    setSaving(true);
    setOutcome(null);
    try {
      const updated = await client.updateSettings({
        actor,
        fromKiosk: KIOSK,
        kioskRotationSeconds: Number(rotation),
        displayIndex: display.trim() === '' ? null : Number(display),
        ...(removePin ? { newPin: null } : newPin !== '' ? { newPin } : {}),
        ...(settings.pinSet && currentPin !== '' ? { proof: { pin: currentPin } } : {}),
        ...(settings.pinSet && changesPin ? { currentPin } : {}),
      });
      // A new or removed PIN ends every operator session in main; this console's too.
      if (changesPin) client.operator.session.end();
      settingsStore.getState().setSettings(updated);
      setCurrentPin('');
      setNewPin('');
      setRemovePin(false);
      setOutcome({ kind: 'saved' });
    } catch (error) {
      setOutcome({ kind: 'error', message: describeFailure(error) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="settings__form" onSubmit={(event) => void onSubmit(event)} data-form="settings">
      <fieldset>
        <legend>Wall display</legend>
        <label className="settings__field">
          <span>Kiosk page rotation (seconds)</span>
          <input
            name="rotation"
            type="number"
            min={MIN_ROTATION_SECONDS}
            max={MAX_ROTATION_SECONDS}
            required
            value={rotation}
            onChange={(e) => setRotation(e.target.value)}
          />
        </label>
        <label className="settings__field">
          <span>Kiosk display number (0 = first screen; empty = primary)</span>
          <input
            name="display"
            type="number"
            min={0}
            max={15}
            value={display}
            onChange={(e) => setDisplay(e.target.value)}
          />
        </label>
      </fieldset>
      <fieldset>
        <legend>
          Operator PIN {settings.pinSet ? '(set)' : '(not set: the kiosk wall is not protected)'}
        </legend>
        <label className="settings__field">
          <span>New PIN (4–12 digits{settings.pinSet ? ', leave empty to keep' : ''})</span>
          <input
            name="newPin"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            value={newPin}
            onChange={(e) => setNewPin(e.target.value)}
          />
        </label>
        {settings.pinSet && (
          <label className="settings__check">
            <input
              name="removePin"
              type="checkbox"
              checked={removePin}
              onChange={(e) => setRemovePin(e.target.checked)}
            />
            Remove the PIN
          </label>
        )}
        {settings.pinSet && (
          <label className="settings__field">
            <span>
              Current PIN{' '}
              {pinOptional
                ? '(not needed again for a few minutes after it was entered here)'
                : changesPin
                  ? '(required to change or remove the PIN)'
                  : '(required to save while a PIN is set)'}
            </span>
            <PinField name="currentPin" required={!pinOptional} value={currentPin} onChange={setCurrentPin} />
          </label>
        )}
      </fieldset>
      <label className="settings__field">
        <span>Your name (for the audit log)</span>
        <input
          name="actor"
          autoComplete="name"
          required
          maxLength={80}
          value={actor}
          onChange={(e) => setActor(e.target.value)}
        />
      </label>
      <div className="settings__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save settings'}
        </button>
        {outcome?.kind === 'saved' && (
          <span role="status" data-outcome="saved">
            ✓ Saved
          </span>
        )}
        {outcome?.kind === 'error' && (
          <span role="alert" className="settings__error" data-outcome="error">
            ⚠ {outcome.message}
          </span>
        )}
      </div>
    </form>
  );
}

export function SettingsPage() {
  const settings = useSettings((s) => s.settings);
  return (
    <main className="settings" data-page="settings">
      <h2 className="settings__title">Settings</h2>
      {KIOSK && (
        <p>
          <a className="button button--secondary" href={routeHref('overview')}>
            ← Back to the wall
          </a>
        </p>
      )}
      {settings === null ? <p>Loading settings…</p> : <SettingsForm settings={settings} />}
      {settings && <RetentionFacts retention={settings.retentionDays} />}
      <ConsentSettings />
    </main>
  );
}
