// A fake plant for the renderer preview: three lines, 25 devices. It starts calm (everything that
// was ever checked is up, no open alarms) and `startIncident()` takes devices down the way a real
// shift would see it: a switch with three devices behind it, a robot, an answered alarm, a cleared
// one nobody answered, a broken config file and a late scheduler. Only for looking at the wall.
import type {
  AlarmView,
  ConfigStatus,
  EndpointLive,
  EngineStatus,
  Result,
  WallEndpoint,
  WallSnapshot,
} from '../src/shared/contract/index.ts';

type Seed = [
  name: string,
  type: WallEndpoint['type'],
  critical: boolean,
  /** The state during the incident; 'down' devices are up while calm, 'unknown' stays unknown. */
  state: EndpointLive['state'],
  error?: string,
];

const NO_REPLY = 'ICMP: no reply within 1000 ms';
const LINES: { id: string; name: string; seeds: Seed[] }[] = [
  {
    id: 'body-shop',
    name: 'Line 1 — Body Shop',
    seeds: [
      ['Press 1 PLC', 'plc', true, 'up'],
      ['Press 1 HMI', 'hmi', false, 'up'],
      ['Weld Robot R1', 'robot', true, 'up'],
      ['Weld Robot R2', 'robot', true, 'down', NO_REPLY],
      ['Weld Robot R3', 'robot', false, 'up'],
      ['Cell Switch SW-11', 'switch', true, 'up'],
      ['Vision Camera C1', 'camera', false, 'up'],
      ['Line Server', 'server', false, 'up'],
      ['Fixture Scanner', 'scanner', false, 'unknown'],
    ],
  },
  {
    id: 'paint',
    name: 'Line 2 — Paint',
    seeds: [
      ['Paint PLC Main', 'plc', true, 'up'],
      ['Booth HMI', 'hmi', false, 'up'],
      ['Spray Robot S1', 'robot', false, 'up'],
      ['Spray Robot S2', 'robot', false, 'down', 'TCP 102: connection refused'],
      ['Oven Controller', 'plc', false, 'up'],
      ['Booth Switch SW-21', 'switch', false, 'up'],
      ['Inspection Camera', 'camera', false, 'unknown'],
      ['Recipe Server', 'server', false, 'up'],
    ],
  },
  {
    id: 'assembly',
    name: 'Line 3 — Final Assembly',
    seeds: [
      ['Conveyor PLC', 'plc', true, 'up'],
      ['Station 1 HMI', 'hmi', false, 'up'],
      ['Station 2 HMI', 'hmi', false, 'up'],
      ['Screwdriver Ctrl', 'other', false, 'up'],
      ['Torque Robot T1', 'robot', false, 'down', NO_REPLY],
      ['Assembly Switch SW-31', 'switch', false, 'down', NO_REPLY],
      ['Label Scanner', 'scanner', false, 'down', NO_REPLY],
      ['End-of-line Camera', 'camera', false, 'down', NO_REPLY],
    ],
  },
];
/** Flaps all the time, calm or not: the tag is information, never an alarm. */
const FLAPPING = 'body-shop.vision-camera-c1';

const slug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const iso = (ms: number): string => new Date(ms).toISOString();

export function createFakePlant(now = Date.now()) {
  const live = new Map<string, EndpointLive>();
  const incidentStates = new Map<string, { state: EndpointLive['state']; error: string | null }>();
  const lines = LINES.map((line, lineIndex) => ({
    id: line.id,
    name: line.name,
    endpoints: line.seeds.map(([name, type, critical, state, error], index): WallEndpoint => {
      const id = `${line.id}.${slug(name)}`;
      const checked = state !== 'unknown';
      // Staggered start times so "time in state" shows minutes, hours and days side by side.
      const since = iso(now - (lineIndex * 9 + index + 1) * 37_000 * 60);
      incidentStates.set(id, { state, error: error ?? null });
      live.set(id, {
        id,
        state: checked ? 'up' : 'unknown',
        since: checked ? since : null,
        lastCheckAt: checked ? iso(now) : null,
        lastOk: checked ? true : null,
        lastRttMs: checked ? 0.4 + ((index * 7 + lineIndex * 3) % 40) / 10 : null,
        lastError: null,
        lastFailureKind: null,
        flapping: id === FLAPPING,
      });
      return { id, name, type, critical, probeKind: 'icmp', intervalMs: 1000 };
    }),
  }));

  const alarm = (id: number, endpointId: string, startedAt: number, extra: Partial<AlarmView> = {}) => {
    const line = lines.find((candidate) => endpointId.startsWith(`${candidate.id}.`));
    const endpoint = line?.endpoints.find((candidate) => candidate.id === endpointId);
    if (!line || !endpoint) throw new Error(`no endpoint ${endpointId}`);
    return {
      id,
      endpointId,
      endpointName: endpoint.name,
      lineId: line.id,
      lineName: line.name,
      startedAt: iso(startedAt),
      raisedAt: iso(startedAt + 5_000),
      clearedAt: null,
      acknowledgedAt: null,
      acknowledgedBy: null,
      note: null,
      failure: incidentStates.get(endpointId)?.error ?? NO_REPLY,
      secondaryEndpointIds: [],
      // What main's impact rules give a critical endpoint of a line costing 120/min, no dependants.
      impact: {
        costPerMinute: endpoint.critical ? 120 : 0,
        costSoFar: endpoint.critical ? ((Date.now() - startedAt) / 60_000) * 120 : 0,
        affected: { endpointIds: [], lineIds: endpoint.critical ? [line.id] : [] },
        cascadeRisk: endpoint.critical ? 'medium' : 'low',
        expectedRecoveryS: 600,
        shift: null,
        severity: endpoint.critical ? 'high' : 'low',
        inMaintenance: false,
      },
      ...extra,
    } satisfies AlarmView;
  };
  // Yesterday's alarm, cleared and answered: listed by the services, never shown on the wall.
  let alarms: AlarmView[] = [
    alarm(1, 'paint.booth-hmi', now - 26 * 3_600_000, {
      clearedAt: iso(now - 25 * 3_600_000),
      acknowledgedAt: iso(now - 25.5 * 3_600_000),
      acknowledgedBy: 'Night shift',
    }),
  ];
  let incident = false;
  const configErrors: ConfigStatus['errors'] = [];

  const startIncident = (at = Date.now()): EndpointLive[] => {
    incident = true;
    const suppressed = ['assembly.torque-robot-t1', 'assembly.label-scanner', 'assembly.end-of-line-camera'];
    const switchDown = at - 40_000;
    alarms = [
      ...alarms,
      alarm(2, 'paint.spray-robot-s2', at - 9 * 60_000, {
        acknowledgedAt: iso(at - 6 * 60_000),
        acknowledgedBy: 'Anna',
        note: 'Maintenance on site, replacing the drive cable',
      }),
      alarm(3, 'paint.oven-controller', at - 14 * 60_000, { clearedAt: iso(at - 2 * 60_000) }),
      alarm(4, 'body-shop.weld-robot-r2', at - 3 * 60_000),
      alarm(5, 'assembly.assembly-switch-sw-31', switchDown, { secondaryEndpointIds: suppressed }),
    ];
    const changed: EndpointLive[] = [];
    for (const [id, { state, error }] of incidentStates) {
      const entry = live.get(id);
      if (!entry || state !== 'down') continue;
      // A device's outage began when its alarm says; those behind the switch went with it.
      const started = alarms.find((candidate) => candidate.endpointId === id)?.startedAt ?? iso(switchDown);
      const next = {
        ...entry,
        state,
        since: started,
        lastOk: false,
        lastRttMs: null,
        lastError: error,
        lastFailureKind: 'timeout' as const,
      };
      live.set(id, next);
      changed.push(next);
    }
    configErrors.push(
      { file: 'plant.yaml', line: 42, col: 7, message: 'unknown probe kind "icmpv6"' },
      { file: 'lines/paint.yaml', line: 12, col: 3, message: 'endpoint "Booth HMI" is declared twice' },
    );
    return changed;
  };

  const acknowledge = (request: { alarmId: number; operator: string; note?: string }): Result<AlarmView> => {
    const index = alarms.findIndex((candidate) => candidate.id === request.alarmId);
    const found = alarms[index];
    if (!found) return { ok: false, error: { code: 'not_found', message: `No alarm ${request.alarmId}` } };
    if (found.acknowledgedBy !== null) {
      const message = `Alarm ${found.id} was already acknowledged by ${found.acknowledgedBy}`;
      return { ok: false, error: { code: 'conflict', message } };
    }
    const updated = { ...found, acknowledgedBy: request.operator, acknowledgedAt: iso(Date.now()) };
    alarms[index] = { ...updated, note: request.note ?? '' };
    return { ok: true, value: alarms[index] };
  };

  return {
    snapshot: (): WallSnapshot => ({
      site: { id: 'demo', name: 'Werk Nord — Demo Plant', timezone: 'Europe/Berlin' },
      lines,
      states: [...live.values()],
    }),
    alarms: () => ({ alarms }),
    acknowledge,
    startIncident,
    engineStatus: (): EngineStatus => ({
      endpointCount: live.size,
      schedulerMaxLagMs: incident ? 2_430 : 35,
      checksStarted: 48_210,
      skippedBusy: incident ? 12 : 0,
    }),
    configErrors: (): ConfigStatus['errors'] => [...configErrors],
    // Every second the up devices answer again with a slightly different round-trip time.
    tick: (): EndpointLive[] => {
      const checkedAt = iso(Date.now());
      const batch: EndpointLive[] = [];
      for (const entry of live.values()) {
        if (entry.state !== 'up') continue;
        const jitter = Math.round((Math.random() - 0.5) * 4) / 10;
        const next = {
          ...entry,
          lastCheckAt: checkedAt,
          lastRttMs: Math.max(0.2, (entry.lastRttMs ?? 1) + jitter),
        };
        live.set(entry.id, next);
        batch.push(next);
      }
      return batch;
    },
  };
}
