// First run: the consent dialog, shown before the dashboard. Everything starts off; saving with
// nothing switched on is a complete answer ("no").
import { useState } from 'react';
import { NO_CONSENT, type ConsentChoice } from '../../../shared/telemetry/consent';
import { ConsentChoices, LockedNote } from './ConsentChoices';
import { NEVER_SENT } from './consent-copy';

export function ConsentDialog(props: {
  initial: ConsentChoice;
  locked: boolean;
  source: string;
  error: string | null;
  onSave: (choice: ConsentChoice) => void;
}) {
  const [choice, setChoice] = useState<ConsentChoice>(props.initial);
  return (
    <div className="consent-backdrop">
      <section className="consent-dialog" role="dialog" aria-modal="true" aria-labelledby="consent-heading">
        <h1 id="consent-heading">Help improve Linewatch?</h1>
        <p className="consent-lead">
          Linewatch sends nothing unless you switch it on here. You can change this at any time in Settings.
        </p>
        {props.locked && <LockedNote source={props.source} />}
        <ConsentChoices choice={choice} locked={props.locked} onChange={setChoice} />
        <p className="consent-never">{NEVER_SENT}</p>
        {props.error && (
          <p className="consent-error" role="alert">
            {props.error}
          </p>
        )}
        <div className="consent-actions">
          <button type="button" className="consent-secondary" onClick={() => props.onSave({ ...NO_CONSENT })}>
            Send nothing
          </button>
          <button type="button" className="consent-primary" onClick={() => props.onSave(choice)}>
            Save choice
          </button>
        </div>
      </section>
    </div>
  );
}
