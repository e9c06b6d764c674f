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

  it('where notifications go: webhook and broker URLs and hosts, mail addresses and the SMTP host', () => {
    const config = aConfig({
      notifications: {
        groupWindowMs: 1000,
        rules: [],
        channels: [
          {
            id: 'hook',
            kind: 'webhook',
            url: 'https://hooks.plant.example/lw',
            secret: null,
            timeoutMs: 5000,
          },
          {
            id: 'lead',
            kind: 'email',
            to: ['lead@plant.example'],
            from: 'linewatch@plant.example',
            smtp: {
              host: 'smtp.plant.example',
              port: 25,
              secure: false,
              starttls: true,
              user: null,
              password: null,
            },
          },
          {
            id: 'scada',
            kind: 'mqtt',
            url: 'mqtt://broker.plant.example:1883',
            topicPrefix: 'lw',
            username: null,
            password: null,
          },
          { id: 'desk', kind: 'desktop' },
        ],
      },
    });
    expect(configSensitiveStrings(config)).toEqual(
      expect.arrayContaining([
        'https://hooks.plant.example/lw',
        'hooks.plant.example',
        'lead@plant.example',
        'linewatch@plant.example',
        'smtp.plant.example',
        'mqtt://broker.plant.example:1883',
        'broker.plant.example',
      ]),
    );
  });

  it('hashes a line with its site as salt', () => {
    expect(hashLineId('plant-a', 'press-1')).toMatch(/^[0-9a-f]{12}$/);
    expect(hashLineId('plant-a', 'press-1')).not.toBe(hashLineId('plant-b', 'press-1'));
  });
});
