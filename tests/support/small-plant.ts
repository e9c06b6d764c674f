// A small plant of real loopback devices and the YAML config that monitors them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSimulatedDevice, type SimulatedDevice } from '@src/main/demo/simulated-device';
import { aConfig, aLine, anEndpoint, configYaml, http, tcp } from './config-builders';

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
  // Probed every 500 ms, so a test sees a state change within a couple of seconds.
  const fast = { intervalMs: 500, timeoutMs: 300 };
  const config = aConfig({
    site: { id: 'test-plant', name: 'Test Plant', timezone: 'Europe/Berlin' },
    lines: [
      aLine(
        'press-1',
        [
          anEndpoint('press1-plc', {
            ...fast,
            name: 'Press 1 PLC',
            type: 'plc',
            critical: true,
            probe: tcp(plc.host, plc.port),
          }),
          anEndpoint('press1-hmi', {
            ...fast,
            name: 'Press 1 HMI',
            type: 'hmi',
            probe: http(`http://${hmi.host}:${hmi.port}/health`, { status: 200, text: 'OK' }),
          }),
        ],
        { name: 'Press line 1', downtimeCostPerMinute: 850 },
      ),
    ],
  });
  writeFileSync(configPath, configYaml(config));
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
