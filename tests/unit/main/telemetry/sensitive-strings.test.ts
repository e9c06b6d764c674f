import { describe, expect, it } from 'vitest';
import { configSensitiveStrings, hashLineId } from '@src/main/telemetry/sensitive-strings';
import { aConfig, aLine, anEndpoint, http } from '../../../support/config-builders';

describe('sensitive strings of a config', () => {
  it('names, ids, hosts and URLs, but not ids spelled like the words telemetry sends', () => {
    const config = aConfig({
      lines: [
        aLine('press-1', [
          anEndpoint('press1-plc', { name: 'Press 1 PLC' }),
          anEndpoint('plc', { name: 'Cell PLC', probe: http('http://hmi-press1:8080/health') }),
        ]),
      ],
    });
    const strings = configSensitiveStrings(config);
    expect(strings).toEqual(
      expect.arrayContaining([
        'plant',
        'Plant',
        'press-1',
        'press1-plc',
        'Press 1 PLC',
        'http://hmi-press1:8080/health',
        'hmi-press1',
      ]),
    );
    // "plc" is an endpoint type every fault may carry; the generic rules still apply to it.
    expect(strings).not.toContain('plc');
  });

  it('hashes a line with its site as salt', () => {
    expect(hashLineId('plant-a', 'press-1')).toMatch(/^[0-9a-f]{12}$/);
    expect(hashLineId('plant-a', 'press-1')).not.toBe(hashLineId('plant-b', 'press-1'));
  });
});
