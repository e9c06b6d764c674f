// The engine's own health on the wall: a chip when checks run late (the states shown are then older
// than they look), and a banner when the config file is broken (edits are not being applied).
import { formatConfigHeadline, formatConfigIssue, formatLag } from '../alarms/format-alarm';
import { lagWarningMs, useHealth } from './health-store';
import { StopwatchIcon } from '../../components/icons';

/** Enough lines to find the problem; the full list is in `linewatch check`. */
const SHOWN_ISSUES = 3;

export function SchedulerLagChip() {
  const lag = useHealth(lagWarningMs);
  if (lag === null) return null;
  return (
    <span className="header__chip header__chip--warning" role="status" data-chip="scheduler-lag">
      <StopwatchIcon /> {formatLag(lag)}
    </span>
  );
}

export function ConfigErrorBanner() {
  const errors = useHealth((state) => state.configErrors);
  if (errors.length === 0) return null;
  const hidden = errors.length - SHOWN_ISSUES;
  return (
    <div className="banner banner--config" role="alert" data-banner="config-errors">
      <strong>
        <span aria-hidden="true">⚠</span> {formatConfigHeadline(errors.length)}
      </strong>
      <ul className="banner__issues">
        {errors.slice(0, SHOWN_ISSUES).map((issue, index) => (
          <li key={index}>
            <code>{formatConfigIssue(issue)}</code>
          </li>
        ))}
        {hidden > 0 && <li>…and {hidden} more</li>}
      </ul>
    </div>
  );
}
