// The services and the headless host together: real config file, real SQLite, real loopback
// devices, the contract over a real WebSocket.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { EndpointLive } from '@src/shared/contract';
import { startLinewatchServices } from '@src/main/app/services';
import { startHttpHost, type HttpHost } from '@src/main/host/http-host';
import type { LinewatchServices } from '@src/main/app/services-types';
import { openStore } from '@src/main/store';
import { startSmallPlant, type SmallPlant } from '../support/small-plant';
import { makeTempDir } from '../support/temp-store';
import { wsText } from '../support/ws-text';

let plant: SmallPlant | undefined;
let services: LinewatchServices | undefined;
let host: HttpHost | undefined;
let temp: ReturnType<typeof makeTempDir> | undefined;

afterEach(async () => {
  await host?.close();
  await services?.stop();
  await plant?.stop();
  temp?.remove();
  host = services = plant = temp = undefined;
});

async function start(): Promise<{ ws: WebSocket; url: string }> {
  temp = makeTempDir('host');
  plant = await startSmallPlant(temp.dir, 70);
  const rendererDir = join(temp.dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Linewatch</title>');
  services = await startLinewatchServices({
    dataDir: join(temp.dir, 'data'),
    configPath: plant.configPath,
    host: 'headless',
    appVersion: '0.0.0-test',
  });
  host = await startHttpHost({ services, rendererDir, host: '127.0.0.1', port: 0 });
  const ws = new WebSocket(host.url.replace('http', 'ws') + 'contract');
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return { ws, url: host.url };
}

function request(ws: WebSocket, id: number, method: string, payload: unknown = {}): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const frame = JSON.parse(wsText(data)) as { type: string; id?: number; result?: unknown };
      if (frame.type === 'response' && frame.id === id) {
        ws.off('message', onMessage);
        resolve(frame.result);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ type: 'request', id, method, payload }));
  });
}

function waitForState(
  ws: WebSocket,
  endpointId: string,
  state: EndpointLive['state'],
): Promise<EndpointLive> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const frame = JSON.parse(wsText(data)) as {
        type: string;
        event?: string;
        payload?: { states: EndpointLive[] };
      };
      const hit = frame.event === 'endpointStates' && frame.payload?.states.find((s) => s.id === endpointId);
      if (hit && hit.state === state) {
        ws.off('message', onMessage);
        resolve(hit);
      }
    };
    ws.on('message', onMessage);
  });
}

describe('headless host', () => {
  it('serves the renderer with a strict CSP and refuses paths outside it', async () => {
    const { ws, url } = await start();
    ws.close();
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const escape = await fetch(url + '..%2f..%2fetc%2fpasswd');
    expect([403, 404]).toContain(escape.status);
  });

  it('answers the contract and pushes live states: a stopped device goes down and comes back up', async () => {
    const { ws } = await start();
    const snapshot = (await request(ws, 1, 'getWallSnapshot')) as {
      ok: boolean;
      value: { lines: unknown[] };
    };
    expect(snapshot.ok).toBe(true);
    expect(snapshot.value.lines).toHaveLength(1);
    expect(await request(ws, 2, 'getAppInfo', { extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await request(ws, 3, 'noSuchMethod')).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });

    await waitForState(ws, 'press1-plc', 'up');
    await plant?.plc.stop();
    const down = await waitForState(ws, 'press1-plc', 'down');
    expect(down.lastError).toContain('ECONNREFUSED');
    await plant?.plc.start();
    await waitForState(ws, 'press1-plc', 'up');
    ws.close();

    await host?.close();
    host = undefined;
    await services?.stop();
    services = undefined;
    const store = openStore(join(temp?.dir ?? '', 'data'));
    const changes = store.stateChanges.listForEndpoint('press1-plc').map((c) => c.state);
    expect(changes).toEqual(['up', 'down', 'up']);
    expect(store.checks.count()).toBeGreaterThan(6);
    store.close();
  });

  it('refuses WebSocket upgrades from another origin', async () => {
    const { ws, url } = await start();
    ws.close();
    const foreign = new WebSocket(url.replace('http', 'ws') + 'contract', {
      headers: { origin: 'http://evil.example' },
    });
    const outcome = await new Promise<string>((resolve) => {
      foreign.once('open', () => resolve('open'));
      foreign.once('error', () => resolve('refused'));
    });
    expect(outcome).toBe('refused');
  });
});
