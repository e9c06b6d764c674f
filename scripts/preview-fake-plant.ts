// A fake plant for the renderer preview: three lines, 25 devices, some down, some never checked.
// Only for looking at the wall; the real services live in src/main.
import type { EndpointLive, WallEndpoint, WallSnapshot } from '../src/shared/contract/index.ts';

type Seed = [
  name: string,
  type: WallEndpoint['type'],
  critical: boolean,
  state: EndpointLive['state'],
  error?: string,
];

const LINES: { id: string; name: string; seeds: Seed[] }[] = [
  {
    id: 'body-shop',
    name: 'Line 1 — Body Shop',
    seeds: [
      ['Press 1 PLC', 'plc', true, 'up'],
      ['Press 1 HMI', 'hmi', false, 'up'],
      ['Weld Robot R1', 'robot', true, 'up'],
      ['Weld Robot R2', 'robot', true, 'down', 'ICMP: no reply within 1000 ms'],
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
      ['Torque Robot T1', 'robot', false, 'up'],
      ['Assembly Switch SW-31', 'switch', false, 'up'],
      ['Label Scanner', 'scanner', false, 'down', 'HTTP 503 Service Unavailable'],
      ['End-of-line Camera', 'camera', false, 'up'],
    ],
  },
];

const slug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

export function createFakePlant(now = Date.now()): {
  snapshot: () => WallSnapshot;
  tick: () => EndpointLive[];
} {
  const live = new Map<string, EndpointLive>();
  const lines = LINES.map((line, lineIndex) => ({
    id: line.id,
    name: line.name,
    endpoints: line.seeds.map(([name, type, critical, state, error], index): WallEndpoint => {
      const id = `${line.id}.${slug(name)}`;
      // Staggered start times so "time in state" shows seconds, minutes and hours side by side.
      const since = new Date(now - (lineIndex * 9 + index + 1) * 37_000 * (state === 'up' ? 60 : 1));
      live.set(id, {
        id,
        state,
        since: state === 'unknown' ? null : since.toISOString(),
        lastCheckAt: state === 'unknown' ? null : new Date(now).toISOString(),
        lastOk: state === 'unknown' ? null : state === 'up',
        lastRttMs: state === 'up' ? 0.4 + ((index * 7 + lineIndex * 3) % 40) / 10 : null,
        lastError: error ?? null,
      });
      return { id, name, type, critical, probeKind: 'icmp', intervalMs: 1000 };
    }),
  }));

  return {
    snapshot: () => ({
      site: { id: 'demo', name: 'Werk Nord — Demo Plant', timezone: 'Europe/Berlin' },
      lines,
      states: [...live.values()],
    }),
    // Every second the up devices answer again with a slightly different round-trip time.
    tick: () => {
      const checkedAt = new Date().toISOString();
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
