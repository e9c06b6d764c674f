// The built `linewatch serve` against real WebSocket clients: it answers only to its own names, a
// set PIN guards every mutating request (sessions bound to their connection, wrong PINs throttled
// per connection), a LAN bind is read-only without the operator token, and TLS works.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startSimulatedDevice, type SimulatedDevice } from '@src/main/demo/simulated-device';
import { wsSubprotocols } from '@src/shared/contract/ws-protocol';
import { BIN } from '../support/cli-process';
import { makeTempDir } from '../support/temp-store';
import { wsText } from '../support/ws-text';

interface Serve {
  url: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** Runs the built bin; resolves once it prints where the dashboard is (http or https). */
function serve(args: string[]): Promise<Serve> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /dashboard at (https?:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        child.stdout.off('data', onData);
        child.stdout.on('data', (more: Buffer) => (output += more.toString()));
        const url = match[1];
        resolve({
          url,
          port: Number(new URL(url).port),
          child,
          output: () => output,
          exited,
          stop: async () => {
            if (child.exitCode === null) child.kill('SIGTERM');
            await exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`linewatch exited with ${code}:\n${output}`)));
  });
}

/** Runs the bin to its end (for refusals at start). */
function runToExit(args: string[]): { code: number | null; output: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 20_000 });
  return { code: result.status, output: result.stdout + result.stderr };
}

type Result =
  { ok: true; value: Record<string, unknown> } | { ok: false; error: { code: string; message: string } };

interface Client {
  ws: WebSocket;
  call(method: string, payload?: unknown): Promise<Result>;
  waitForEvent(
    event: string,
    match: (payload: Record<string, unknown>) => boolean,
  ): Promise<Record<string, unknown>>;
  close(): void;
}

async function connect(
  url: string,
  options: { protocols?: string[]; headers?: Record<string, string> } = {},
): Promise<Client> {
  const ws = new WebSocket(url.replace(/^http/, 'ws') + 'contract', options.protocols ?? [], {
    headers: options.headers,
    rejectUnauthorized: false,
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let nextId = 1;
  return {
    ws,
    call(method, payload = {}) {
      const id = nextId++;
      return new Promise((resolve) => {
        const onMessage = (data: WebSocket.RawData): void => {
          const frame = JSON.parse(wsText(data)) as { type: string; id?: number; result?: Result };
          if (frame.type === 'response' && frame.id === id && frame.result) {
            ws.off('message', onMessage);
            resolve(frame.result);
          }
        };
        ws.on('message', onMessage);
        ws.send(JSON.stringify({ type: 'request', id, method, payload }));
      });
    },
    waitForEvent(event, match) {
      return new Promise((resolve) => {
        const onMessage = (data: WebSocket.RawData): void => {
          const frame = JSON.parse(wsText(data)) as {
            type: string;
            event?: string;
            payload?: Record<string, unknown>;
          };
          if (frame.type === 'event' && frame.event === event && frame.payload && match(frame.payload)) {
            ws.off('message', onMessage);
            resolve(frame.payload);
          }
        };
        ws.on('message', onMessage);
      });
    },
    close: () => ws.close(),
  };
}

/** The HTTP status an upgrade gets, or 101 when it became a WebSocket. */
function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  const ws = new WebSocket(url.replace(/^http/, 'ws') + 'contract', { headers, rejectUnauthorized: false });
  return new Promise((resolve) => {
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (request, response) => {
      resolve(response.statusCode ?? 0);
      request.destroy();
    });
    ws.once('error', () => undefined);
  });
}

function httpStatus(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.once('error', reject);
  });
}

const expectCode = (result: Result, code: string): void =>
  expect(result).toMatchObject({ ok: false, error: { code } });

const temp = makeTempDir('host-security');
let plc: SimulatedDevice;
let configPath: string;

beforeAll(async () => {
  plc = await startSimulatedDevice({ kind: 'tcp', host: '127.0.0.81' });
  configPath = join(temp.dir, 'plant.yaml');
  writeFileSync(
    configPath,
    `version: 1
site: { id: plant, name: Test Plant, timezone: Europe/Berlin }
defaults: { interval: 1s, timeout: 500ms, down_after: 2, up_after: 2 }
lines:
  - id: press-1
    name: Press line 1
    endpoints:
      - { id: press1-plc, name: Press 1 PLC, type: plc, critical: true, probe: { kind: tcp, host: ${plc.host}, port: ${plc.port} } }
`,
  );
});
afterAll(async () => {
  await plc.stop();
  temp.remove();
});

describe('serve on loopback', () => {
  let host: Serve;
  beforeAll(async () => {
    host = await serve(['--config', configPath, '--data', join(temp.dir, 'loopback'), '--port', '0']);
  });
  afterAll(() => host.stop());

  it('answers only to its own names and pages', async () => {
    const port = host.port;
    expect(await upgradeStatus(host.url, { host: `evil.example:${port}` })).toBe(421);
    expect(await httpStatus(host.url, `evil.example:${port}`)).toBe(421);
    expect(await httpStatus(host.url, `127.0.0.1:${port}`)).toBe(200);
    expect(await httpStatus(host.url, `localhost:${port}`)).toBe(200);
    expect(await upgradeStatus(host.url, { host: `127.0.0.1:${port}`, origin: 'http://evil.example' })).toBe(
      403,
    );
    expect(await upgradeStatus(host.url, { origin: `http://localhost:${port + 1}` })).toBe(403);
    expect(await upgradeStatus(host.url, { origin: `http://127.0.0.1:${port}` })).toBe(101);
    // One line per refusal, no stack trace.
    const out = host.output();
    expect(out.match(/refused WebSocket from .*Host "evil\.example/g)).toHaveLength(1);
    expect(out.match(/refused GET from .*Host "evil\.example/g)).toHaveLength(1);
    expect(out.match(/refused WebSocket from .*Origin "http:\/\/evil\.example"/g)).toHaveLength(1);
    expect(out).not.toMatch(/^\s+at /m);
    // Loopback needs no token and says nothing about one.
    expect(out).not.toContain('operator token');
    const client = await connect(host.url);
    expect(await client.call('getAppInfo')).toMatchObject({
      ok: true,
      value: { access: 'operator', pinSet: false },
    });
    client.close();
  });

  it('a set PIN guards every mutating request; sessions belong to their connection', async () => {
    const a = await connect(host.url);
    const b = await connect(host.url);
    expect(await a.call('updateSettings', { newPin: '4711', actor: 'test' })).toMatchObject({
      ok: true,
      value: { pinSet: true },
    });
    expect(await b.call('getAppInfo')).toMatchObject({ ok: true, value: { pinSet: true } });

    const raised = a.waitForEvent('alarmsChanged', (p) => p.reason === 'raised');
    await plc.stop();
    const { alarmId } = (await raised) as { alarmId: number };

    const ack = { alarmId, operator: 'Anna', note: '' };
    expectCode(await a.call('acknowledgeAlarm', ack), 'forbidden');
    const listed = (await a.call('listAlarms')) as {
      ok: true;
      value: { alarms: { id: number; acknowledgedAt: unknown }[] };
    };
    expect(listed.value.alarms.find((x) => x.id === alarmId)?.acknowledgedAt).toBeNull();

    const fromB = (await b.call('verifyPin', { pin: '4711' })) as {
      ok: true;
      value: { ok: boolean; session: string };
    };
    expect(fromB.value.ok).toBe(true);
    expectCode(
      await a.call('acknowledgeAlarm', { ...ack, proof: { session: fromB.value.session } }),
      'forbidden',
    );

    const fromA = (await a.call('verifyPin', { pin: '4711' })) as { ok: true; value: { session: string } };
    expect(
      await a.call('acknowledgeAlarm', { ...ack, proof: { session: fromA.value.session } }),
    ).toMatchObject({
      ok: true,
      value: { id: alarmId, acknowledgedBy: 'Anna' },
    });

    expectCode(await b.call('updateSettings', { kioskRotationSeconds: 30, actor: 'test' }), 'forbidden');
    const consent = { choice: { error_diagnostics: false, performance: false, usage_analytics: false } };
    expectCode(await b.call('setConsent', consent), 'forbidden');
    expect(await b.call('setConsent', { ...consent, proof: { pin: '4711' } })).toMatchObject({ ok: true });
    a.close();
    b.close();
    await plc.start();
  });

  it('five wrong PINs lock that connection only', async () => {
    const c = await connect(host.url);
    const d = await connect(host.url);
    let last: Result | undefined;
    for (let i = 0; i < 5; i += 1) last = await c.call('verifyPin', { pin: '0000' });
    expect(last).toMatchObject({ ok: true, value: { ok: false } });
    const retryAfter = last?.ok ? last.value.retryAfterSeconds : null;
    expect(retryAfter).toBeGreaterThan(0);
    // Even the right PIN is refused on the locked connection...
    expect(await c.call('verifyPin', { pin: '4711' })).toMatchObject({ ok: true, value: { ok: false } });
    // ...while another connection is not affected.
    expect(await d.call('verifyPin', { pin: '4711' })).toMatchObject({ ok: true, value: { ok: true } });
    c.close();
    d.close();
    expect(host.child.exitCode).toBeNull();
  });
});

describe('serve on a LAN address (127.0.0.2)', () => {
  const data = join(temp.dir, 'lan');
  let host: Serve;
  let token: string;
  beforeAll(async () => {
    host = await serve(['--config', configPath, '--data', data, '--host', '127.0.0.2', '--port', '0']);
    token = readFileSync(join(data, 'operator-token'), 'utf8').trim();
  });
  afterAll(() => host.stop());

  it('generates the operator token (0600) and prints it once, with a warning that says what is true', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(statSync(join(data, 'operator-token')).mode & 0o777).toBe(0o600);
    const out = host.output();
    expect(out.split(token)).toHaveLength(2);
    expect(out).toContain('linewatch.token.<token>');
    expect(out).toMatch(/warning: serving on 127\.0\.0\.2 .*read-only/);
    expect(out).not.toContain('no login');
  });

  it('is read-only without the token and may act with it', async () => {
    const reader = await connect(host.url);
    expect(await reader.call('getAppInfo')).toMatchObject({ ok: true, value: { access: 'read-only' } });
    expect(await reader.call('getWallSnapshot')).toMatchObject({ ok: true });
    expect(await reader.call('listAlarms')).toMatchObject({ ok: true });
    expectCode(await reader.call('updateSettings', { kioskRotationSeconds: 20, actor: 'wall' }), 'forbidden');
    expectCode(
      await reader.call('setConsent', {
        choice: { error_diagnostics: true, performance: false, usage_analytics: false },
      }),
      'forbidden',
    );
    expectCode(await reader.call('forgetMe', {}), 'forbidden');

    const wrong = await connect(host.url, { protocols: wsSubprotocols('x'.repeat(32)) });
    expect(await wrong.call('getAppInfo')).toMatchObject({ ok: true, value: { access: 'read-only' } });
    expectCode(await wrong.call('updateSettings', { kioskRotationSeconds: 20, actor: 'wall' }), 'forbidden');

    const operator = await connect(host.url, { protocols: wsSubprotocols(token) });
    expect(operator.ws.protocol).toBe('linewatch.v1');
    expect(await operator.call('getAppInfo')).toMatchObject({ ok: true, value: { access: 'operator' } });
    expect(await operator.call('updateSettings', { kioskRotationSeconds: 20, actor: 'wall' })).toMatchObject({
      ok: true,
      value: { kioskRotationSeconds: 20 },
    });
    for (const client of [reader, wrong, operator]) client.close();
    expect(host.output()).toMatch(/offered a wrong operator token: connected read-only/);
  });

  it('prints where the token is on a later start, not the token', async () => {
    await host.stop();
    host = await serve(['--config', configPath, '--data', data, '--host', '127.0.0.2', '--port', '0']);
    expect(host.output()).not.toContain(token);
    expect(host.output()).toContain(`operator token: in ${join(data, 'operator-token')}`);
  });
});

describe('serve with --operator-token-file and TLS', () => {
  const dir = join(temp.dir, 'tls');
  let host: Serve;
  const fileToken = 'plant-wall-token-0123456789';
  beforeAll(async () => {
    spawnSync('mkdir', ['-p', dir]);
    const made = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-subj',
        '/CN=127.0.0.3',
        '-days',
        '1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { encoding: 'utf8' },
    );
    expect(made.status, made.stderr).toBe(0);
    writeFileSync(join(dir, 'token'), `${fileToken}\n`);
    host = await serve([
      '--config',
      configPath,
      '--data',
      join(dir, 'data'),
      '--host',
      '127.0.0.3',
      '--port',
      '0',
      '--operator-token-file',
      join(dir, 'token'),
      '--tls-cert',
      join(dir, 'cert.pem'),
      '--tls-key',
      join(dir, 'key.pem'),
    ]);
  });
  afterAll(() => host.stop());

  it('serves https and wss, and the token from the file lets a client act', async () => {
    expect(host.url).toMatch(/^https:\/\/127\.0\.0\.3:\d+\/$/);
    expect(host.output()).not.toContain('plain HTTP');
    expect(host.output()).not.toContain(fileToken);
    const reader = await connect(host.url);
    expect(await reader.call('getAppInfo')).toMatchObject({ ok: true, value: { access: 'read-only' } });
    const operator = await connect(host.url, { protocols: wsSubprotocols(fileToken) });
    expect(await operator.call('getAppInfo')).toMatchObject({ ok: true, value: { access: 'operator' } });
    expect(await operator.call('updateSettings', { kioskRotationSeconds: 40, actor: 'it' })).toMatchObject({
      ok: true,
    });
    reader.close();
    operator.close();
  });

  it('refuses a short token file (exit 1) and half a TLS pair (exit 2)', () => {
    writeFileSync(join(dir, 'short'), 'too-short\n');
    const base = [
      'serve',
      '--config',
      configPath,
      '--data',
      join(dir, 'data2'),
      '--host',
      '127.0.0.3',
      '--port',
      '0',
    ];
    const short = runToExit([...base, '--operator-token-file', join(dir, 'short')]);
    expect(short.code).toBe(1);
    expect(short.output).toMatch(/at least 16 characters/);
    const half = runToExit([...base, '--tls-cert', join(dir, 'cert.pem')]);
    expect(half.code).toBe(2);
    expect(half.output).toContain('--tls-cert FILE and --tls-key FILE go together');
  });
});
