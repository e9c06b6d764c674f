// "Linewatch itself" (issue 14): a chip in the header with the watcher's own status, the panel it
// opens with each check's status and detail, and the system alarms on the wall. A system alarm is
// about Linewatch, not a device, so it stands apart from the device alarm strip.
import type { HealthCheck, HealthStatus, SystemAlarm } from '../../../shared/contract';
import { useWall } from '../../live/wall-store';
import { formatClockTime } from '../alarms/format-alarm';
import { useSelfHealth } from './self-health-store';

const STATUS_WORD: Record<HealthStatus, string> = { ok: 'OK', degraded: 'DEGRADED', failing: 'FAILING' };
const STATUS_MARK: Record<HealthStatus, string> = { ok: '✓', degraded: '!', failing: '✕' };

/** People read the check names on the panel; the machine names stay in /healthz. */
const CHECK_TITLE: Record<string, string> = {
  database: 'Database',
  disk_space: 'Free disk space',
  scheduler_lag: 'Scheduler lag',
  icmp_backend: 'Ping (ICMP)',
  opcua_client: 'OPC UA client',
  config: 'Config',
  newest_check: 'Newest check',
  telemetry_queue: 'Telemetry queue',
};

export function SelfHealthChip() {
  const status = useSelfHealth((state) => state.health?.status ?? null);
  const open = useSelfHealth((state) => state.panelOpen);
  const toggle = useSelfHealth((state) => state.togglePanel);
  if (status === null) return null;
  return (
    <button
      type="button"
      className={`header__chip self-health-chip self-health-chip--${status}`}
      data-chip="self-health"
      data-status={status}
      aria-expanded={open}
      aria-controls="self-health-panel"
      title="Linewatch itself: its database, disk, scheduler and probes"
      onClick={toggle}
    >
      <span aria-hidden="true">{STATUS_MARK[status]}</span> LINEWATCH {STATUS_WORD[status]}
    </button>
  );
}

function CheckRow({ check }: { check: HealthCheck }) {
  return (
    <li className={`self-health__check self-health__check--${check.status}`} data-check={check.name}>
      <span className="self-health__status" data-status={check.status}>
        <span aria-hidden="true">{STATUS_MARK[check.status]}</span> {STATUS_WORD[check.status]}
      </span>
      <span className="self-health__name">{CHECK_TITLE[check.name] ?? check.name}</span>
      <span className="self-health__detail">{check.detail}</span>
    </li>
  );
}

export function SelfHealthPanel() {
  const health = useSelfHealth((state) => state.health);
  const timeZone = useWall((state) => state.site?.timezone);
  const open = useSelfHealth((state) => state.panelOpen);
  const close = useSelfHealth((state) => state.closePanel);
  if (!open || health === null) return null;
  return (
    <section
      id="self-health-panel"
      className="self-health"
      aria-label="Linewatch itself"
      data-panel="self-health"
    >
      <header className="self-health__header">
        <h2>Linewatch itself</h2>
        <span className={`self-health__overall self-health__overall--${health.status}`}>
          {STATUS_WORD[health.status]}
        </span>
        <span className="self-health__at">checked {formatClockTime(health.checkedAt, timeZone, true)}</span>
        <button type="button" className="self-health__close" onClick={close} aria-label="Close">
          ✕
        </button>
      </header>
      <ul className="self-health__checks">
        {health.checks.map((check) => (
          <CheckRow key={check.name} check={check} />
        ))}
      </ul>
    </section>
  );
}

// One empty list, always the same: a selector that returned a fresh [] each call would make the store
// see a change on every read and re-render forever (zustand 5 stops that with React error 185).
const NO_SYSTEM_ALARMS: readonly SystemAlarm[] = [];

export function SystemAlarmBanner() {
  const alarms = useSelfHealth((state) => state.health?.systemAlarms ?? NO_SYSTEM_ALARMS);
  if (alarms.length === 0) return null;
  return (
    <div className="banner banner--system" role="alert" data-banner="system-alarms">
      {alarms.map((alarm) => (
        <p key={alarm.kind} className="banner__system-alarm" data-system-alarm={alarm.kind}>
          <strong>
            <span aria-hidden="true">⚠</span> SYSTEM: {alarm.message}
          </strong>
          <span>{alarm.detail}</span>
        </p>
      ))}
    </div>
  );
}
