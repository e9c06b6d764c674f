// The memory bench's plant must be a config `linewatch serve` accepts, with exactly the endpoints
// asked for, all TCP at 10 s against the bench's listener.
import { describe, expect, it } from 'vitest';
import { memoryPlantYaml } from '@src/main/bench/serve-memory-bench';
import { parseConfigText } from '@src/main/config/load-config';

describe('memory bench plant', () => {
  it.each([500, 2010])('has %i TCP endpoints at 10 s, 20 a line, that the config loader accepts', (n) => {
    const loaded = parseConfigText(memoryPlantYaml(n, '127.0.0.1', 40_000), 'plant.yaml');
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues[0]));
    const endpoints = loaded.config.lines.flatMap((line) => line.endpoints);
    expect(endpoints).toHaveLength(n);
    expect(loaded.config.lines).toHaveLength(Math.ceil(n / 20));
    expect(new Set(endpoints.map((e) => e.id)).size).toBe(n);
    for (const endpoint of endpoints) {
      expect(endpoint.intervalMs).toBe(10_000);
      expect(endpoint.probe).toEqual({ kind: 'tcp', host: '127.0.0.1', port: 40_000 });
    }
  });
});
