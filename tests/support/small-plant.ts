// A small plant of real loopback devices and the YAML config that monitors them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSimulatedDevice, type SimulatedDevice } from '@src/main/demo/simulated-device';

export interface SmallPlant {
  configPath: string;
  plc: SimulatedDevice;
  hmi: SimulatedDevice;
  stop(): Promise<void>;
}

export async function startSmallPlant(dir: string, hostOctet = 60): Promise<SmallPlant> {
  const plc = await startSimulatedDevice({ kind: 'tcp', host: `127.0.0.${hostOctet}` });
  const hmi = await startSimulatedDevice({ kind: 'http', host: `127.0.0.${hostOctet + 1}` });
  const configPath = join(dir, 'plant.yaml');
  writeFileSync(
    configPath,
    `version: 1
site: { id: test-plant, name: Test Plant, timezone: Europe/Berlin }
defaults: { interval: 500ms, timeout: 300ms, down_after: 2, up_after: 2 }
lines:
  - id: press-1
    name: Press line 1
    downtime_cost_per_minute: 850
    endpoints:
      - id: press1-plc
        name: Press 1 PLC
        type: plc
        critical: true
        probe: { kind: tcp, host: ${plc.host}, port: ${plc.port} }
      - id: press1-hmi
        name: Press 1 HMI
        type: hmi
        probe: { kind: http, url: "http://${hmi.host}:${hmi.port}/health", expect_status: 200, expect_text: "OK" }
`,
  );
  return {
    configPath,
    plc,
    hmi,
    stop: async () => {
      await plc.stop();
      await hmi.stop();
    },
  };
}
