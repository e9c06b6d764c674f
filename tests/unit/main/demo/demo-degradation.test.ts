import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEGRADE_CYCLE_S,
  DEGRADE_HEALTHY_S,
  DEGRADE_MAX_DROP,
  DEGRADE_RAMP_S,
  degradationAt,
} from '@src/main/demo/demo-plant';
import { startSimulatedDevice, type SimulatedDevice } from '@src/main/demo/simulated-device';
import { detectThresholds } from '@src/main/insights/threshold';

describe('the demo plant’s degrading device', () => {
  it('is healthy, then slows and loses more, then fails, then recovers, every cycle', () => {
    expect(degradationAt(0)).toEqual({ off: false, delayMs: 0, dropShare: 0 });
    const early = degradationAt(DEGRADE_HEALTHY_S + 60);
    const late = degradationAt(DEGRADE_HEALTHY_S + DEGRADE_RAMP_S - 60);
    expect(early.off).toBe(false);
    expect(late.delayMs).toBeGreaterThan(early.delayMs);
    expect(late.dropShare).toBeGreaterThan(early.dropShare);
    expect(late.dropShare).toBeLessThanOrEqual(DEGRADE_MAX_DROP);
    expect(degradationAt(DEGRADE_HEALTHY_S + DEGRADE_RAMP_S + 30).off).toBe(true);
    expect(degradationAt(DEGRADE_CYCLE_S - 1)).toEqual({ off: false, delayMs: 0, dropShare: 0 });
    expect(degradationAt(DEGRADE_CYCLE_S + DEGRADE_HEALTHY_S + 60)).toEqual(early);
  });

  it('crosses its 40 ms warn limit more than 5 minutes (the threshold rule) before it fails', () => {
    let firstOver = -1;
    for (let s = 0; s < DEGRADE_CYCLE_S; s++) {
      if (degradationAt(s).delayMs > 40) {
        firstOver = s;
        break;
      }
    }
    const failsAt = DEGRADE_HEALTHY_S + DEGRADE_RAMP_S;
    expect(firstOver).toBeGreaterThan(0);
    expect(failsAt - firstOver).toBeGreaterThan(5 * 60 + 120);
  });
});

describe('a degraded simulated HTTP device', () => {
  let device: SimulatedDevice | null = null;
  afterEach(async () => {
    await device?.stop();
    device = null;
  });

  const get = (d: SimulatedDevice) =>
    new Promise<{ ok: boolean; ms: number }>((resolve) => {
      const started = performance.now();
      http
        .get({ host: d.host, port: d.port, path: '/health', agent: false }, (response) => {
          response.resume();
          response.on('end', () => resolve({ ok: true, ms: performance.now() - started }));
        })
        .on('error', () => resolve({ ok: false, ms: performance.now() - started }));
    });

  it('answers late and drops some requests', async () => {
    device = await startSimulatedDevice({ kind: 'http', host: '127.0.0.1' });
    device.setDegradation({ delayMs: 80, dropShare: 0 });
    const slow = await get(device);
    expect(slow.ok).toBe(true);
    expect(slow.ms).toBeGreaterThanOrEqual(75);
    device.setDegradation({ delayMs: 0, dropShare: 1 });
    expect((await get(device)).ok).toBe(false);
    device.setDegradation({ delayMs: 0, dropShare: 0 });
    expect((await get(device)).ok).toBe(true);
  });
});

describe('the demo plant’s degradation against the threshold detector', () => {
  it('raises the camera’s warn: warning several minutes before it fails', () => {
    const T0 = Date.parse('2026-01-05T06:00:00Z');
    const samples = Array.from({ length: DEGRADE_CYCLE_S / 60 }, (_, minute) => {
      const step = degradationAt(minute * 60 + 30);
      const failed = step.off ? 30 : Math.round(30 * step.dropShare); // 30 checks a minute (2 s)
      return {
        start: T0 + minute * 60_000,
        count: 30,
        okCount: 30 - failed,
        rttAvgMs: step.off ? null : 1 + step.delayMs,
      };
    });
    const [first] = detectThresholds(
      { endpointId: 'press1-camera', lineId: 'press-1', timezone: 'UTC', samples, judgeFrom: T0 },
      { rttMs: 40, loss: 0.03 },
    );
    const failsAt = T0 + (DEGRADE_HEALTHY_S + DEGRADE_RAMP_S) * 1000;
    expect(first?.kind).toBe('threshold');
    // Raised after RAISE_MINUTES over the limit: when its 5th minute closes, still well before the outage.
    expect(failsAt - ((first?.startedAt ?? Infinity) + 5 * 60_000)).toBeGreaterThanOrEqual(6 * 60_000);
    // Still active when it fails: the device is degrading as it goes down.
    expect(first?.endedAt ?? Infinity).toBeGreaterThan(failsAt);
  });
});
