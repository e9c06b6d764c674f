// The top bar: which site, what time it is there, and the plant-wide counts operators scan first;
// also whether checks run late, whether the alarm sound is on, and whether this screen may only
// read (a LAN wall without the operator token), with the way out of that.
import { useMemo } from 'react';
import type { EndpointState } from '../../../shared/domain/endpoint';
import { useClient } from '../../app/client-context';
import { useClock } from '../../live/clock-store';
import { useWall, type WallState } from '../../live/wall-store';
import { SchedulerLagChip } from './HealthIndicators';
import { EyeIcon } from '../../components/icons';
import { SoundToggle } from '../alarms/SoundToggle';
import { SelfHealthChip } from '../health/SelfHealth';

function siteTimeFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  };
  try {
    return new Intl.DateTimeFormat(undefined, { ...options, timeZone });
  } catch {
    // An unknown zone in the config must not take the wall down; local time is the next best thing.
    return new Intl.DateTimeFormat(undefined, options);
  }
}

const countOf =
  (wanted: EndpointState) =>
  (state: WallState): number => {
    let count = 0;
    for (const line of state.lines) {
      for (const endpoint of line.endpoints) {
        if ((state.live[endpoint.id]?.state ?? 'unknown') === wanted) count++;
      }
    }
    return count;
  };
const countDown = countOf('down');
const countUnknown = countOf('unknown');
const countUp = countOf('up');

function SiteClock({ timeZone }: { timeZone: string | undefined }) {
  const format = useMemo(() => siteTimeFormat(timeZone), [timeZone]);
  const time = useClock((now) => format.format(now));
  return (
    <div className="header__clock">
      <span className="header__time">{time}</span>
      {timeZone && <span className="header__zone">{timeZone}</span>}
    </div>
  );
}

/** Shown only on a read-only LAN wall; on loopback and in the Electron window never. */
function ReadOnlyChip() {
  const readOnly = useWall((state) => state.appInfo?.access === 'read-only');
  const client = useClient();
  if (!readOnly) return null;
  return (
    <span
      className="header__chip header__chip--read-only"
      data-access="read-only"
      title="This screen shows everything but cannot acknowledge alarms or change settings"
    >
      <EyeIcon /> READ-ONLY
      {client.operator.canSignIn && (
        <button
          type="button"
          className="header__sign-in"
          onClick={() => void client.operator.askToken('act from this screen')}
        >
          Operator sign-in
        </button>
      )}
    </span>
  );
}

export function WallHeader() {
  const site = useWall((state) => state.site);
  const demo = useWall((state) => state.appInfo?.demo ?? false);
  const down = useWall(countDown);
  const unknown = useWall(countUnknown);
  const up = useWall(countUp);
  return (
    <header className="header">
      <div className="header__site">
        <h1 className="header__name">{site?.name ?? 'Linewatch'}</h1>
        {demo && <span className="header__demo">DEMO PLANT</span>}
        <ReadOnlyChip />
        <SchedulerLagChip />
        <SelfHealthChip />
      </div>
      <div className="header__counts" aria-label="Device counts">
        <span className={`count count--down${down > 0 ? ' count--alert' : ''}`} data-count="down">
          <span aria-hidden="true">✕</span> <strong>{down}</strong> DOWN
        </span>
        <span className="count count--unknown" data-count="unknown">
          <span aria-hidden="true">?</span> <strong>{unknown}</strong> UNKNOWN
        </span>
        <span className="count count--up" data-count="up">
          <span aria-hidden="true">✓</span> <strong>{up}</strong> UP
        </span>
      </div>
      <SoundToggle />
      <SiteClock timeZone={site?.timezone} />
    </header>
  );
}
