// How long history is kept: set in the config file's `retention:` section, so shown, not edited.
import type { ConsoleSettings } from '../../../shared/contract';

const ROWS: [keyof ConsoleSettings['retentionDays'], string][] = [
  ['rawChecks', 'Individual checks'],
  ['minuteRollups', 'Per-minute figures'],
  ['hourRollups', 'Per-hour figures'],
  ['dayRollups', 'Per-day figures'],
];

export function RetentionFacts({ retention }: { retention: ConsoleSettings['retentionDays'] }) {
  return (
    <section className="settings__retention" aria-label="Data retention">
      <h3>Data retention (from the configuration file, read-only)</h3>
      <dl>
        {ROWS.map(([key, label]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd data-retention={key}>{retention[key]} days</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
