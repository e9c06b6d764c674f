// The three switches with their sentence and sample, shared by the first-run dialog and Settings.
import { CONSENT_CATEGORIES, type ConsentChoice } from '../../../shared/telemetry/consent';
import { CATEGORY_COPY } from './consent-copy';

export function ConsentChoices(props: {
  choice: ConsentChoice;
  locked: boolean;
  onChange: (choice: ConsentChoice) => void;
}) {
  return (
    <ul className="consent-list">
      {CONSENT_CATEGORIES.map((category) => {
        const copy = CATEGORY_COPY[category];
        const id = `consent-${category}`;
        return (
          <li key={category} className="consent-item" data-category={category}>
            <label htmlFor={id} className="consent-switch">
              <input
                id={id}
                type="checkbox"
                role="switch"
                checked={props.choice[category]}
                disabled={props.locked}
                onChange={(event) => props.onChange({ ...props.choice, [category]: event.target.checked })}
              />
              <span className="consent-title">{copy.title}</span>
              <span className="consent-state">{props.choice[category] ? 'On' : 'Off'}</span>
            </label>
            <p className="consent-sentence">{copy.sentence}</p>
            <details className="consent-sample" open>
              <summary>Sample of what would be sent</summary>
              <pre>{copy.sample}</pre>
            </details>
          </li>
        );
      })}
    </ul>
  );
}

export function LockedNote(props: { source: string }) {
  const by = props.source === 'environment' ? 'the LINEWATCH_CONSENT setting' : 'your IT policy';
  return (
    <p className="consent-locked" role="note">
      Locked by {by}. Ask your IT department to change it.
    </p>
  );
}
