// A real store filled through `linewatch import`'s code path, for the handover and series tests.
// Europe/Berlin in January is UTC+1: the late shift 14:00-22:00 local is 13:00-21:00Z.
import { importChecksFile } from '@src/main/import/import-checks';
import type { Store } from '@src/main/store';
import type { LinewatchConfig } from '@src/main/config';
import { aConfig, aLine, icmp, tcp, THREE_SHIFTS } from './config-builders';
import { writeChecks } from './import-fixture';
import { aPlc } from './kpi-fixture';
import { openTempStore } from './temp-store';

export const EVIL_NAME = '<script>alert("pwn")</script> & Co';

const HANDOVER_CONFIG: LinewatchConfig = aConfig({
  site: { id: 'plant', name: 'Test Plant', timezone: 'Europe/Berlin' },
  shifts: THREE_SHIFTS,
  lines: [
    aLine('press-1', [aPlc('press1-plc', { name: 'Press 1 PLC', probe: tcp('10.0.0.1', 502) })], {
      name: 'Press line 1',
      downtimeCostPerMinute: 850,
    }),
    aLine('paint', [aPlc('paint-cam', { name: EVIL_NAME, type: 'camera', probe: icmp('10.0.0.2') })], {
      name: 'Paint shop',
    }),
  ],
});

export interface HandoverFixture {
  store: Store;
  config: LinewatchConfig;
  remove: () => void;
}

/**
 * press1-plc: down 14:10-14:20Z (acknowledged by Anna). paint-cam: down from 15:00Z and never back,
 * so its alarm is still open at the end of the shift.
 */
export function handoverFixture(): HandoverFixture {
  const temp = openTempStore('handover');
  const { store } = temp;
  const config = HANDOVER_CONFIG;
  const plc: [string, number, boolean][] = Array.from({ length: 97 }, (_, i) => [
    'press1-plc',
    i * 5,
    !(i === 14 || i === 15), // 14:10 and 14:15Z fail
  ]);
  const cam: [string, number, boolean][] = Array.from({ length: 97 }, (_, i) => ['paint-cam', i * 5, i < 24]);
  const file = writeChecks(temp.dir, 'checks.jsonl', '2026-01-05T13:00:00Z', [...plc, ...cam]);
  const outcome = importChecksFile(file, config, store);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  const plcAlarm = store.alarms.recent(10).find((a) => a.endpointId === 'press1-plc');
  if (!plcAlarm) throw new Error('no alarm for press1-plc');
  store.alarms.acknowledge(plcAlarm.id, Date.parse('2026-01-05T14:16:00Z'), 'Anna', 'PLC rebooted <ok>');
  return {
    store,
    config,
    remove: () => temp.close(),
  };
}
