// The built `linewatch serve` under abuse: frames `ws` refuses (too big, unmasked, invalid UTF-8),
// truncated frames, a burst of requests, more connections than the cap, and malformed requests.
// Each bad client loses only its own connection; afterwards the host still answers and the engine
// still stores checks.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { startSimulatedDevice, type SimulatedDevice } from '@src/main/demo/simulated-device';
import { startCli, type RunningCli } from '../support/cli-process';
import { makeTempDir } from '../support/temp-store';
import { wsText } from '../support/ws-text';

interface Frame {
  opcode: number;
  payload: Buffer;
}

/** A client frame by hand: masked unless told otherwise, with the length it declares. */
function encodeFrame(
  opcode: number,
  payload: Buffer,
  options: { mask?: boolean; declaredLength?: number } = {},
): Buffer {
  const mask = options.mask ?? true;
  const length = options.declaredLength ?? payload.length;
  const head: number[] = [0x80 | opcode];
  const maskBit = mask ? 0x80 : 0;
  if (length < 126) head.push(maskBit | length);
  else if (length < 65536) head.push(maskBit | 126, length >> 8, length & 0xff);
  else {
    const big = Buffer.alloc(8);
    big.writeBigUInt64BE(BigInt(length));
    head.push(maskBit | 127, ...big);
  }
  if (!mask) return Buffer.concat([Buffer.from(head), payload]);
  const key = randomBytes(4);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ (key[i % 4] ?? 0)));
  return Buffer.concat([Buffer.from(head), key, masked]);
}

/** Server frames are never masked; parses as many whole frames as `buffer` holds. */
function decodeFrames(buffer: Buffer): { frames: Frame[]; rest: Buffer } {
  const frames: Frame[] = [];
  let at = 0;
  for (;;) {
    if (buffer.length - at < 2) break;
    const b0 = buffer[at] ?? 0;
    let length = (buffer[at + 1] ?? 0) & 0x7f;
    let offset = at + 2;
    if (length === 126) {
      if (buffer.length < offset + 2) break;
      length = buffer.readUInt16BE(offset);
      offset += 2;
    } else if (length === 127) {
      if (buffer.length < offset + 8) break;
      length = Number(buffer.readBigUInt64BE(offset));
      offset += 8;
    }
    if (buffer.length < offset + length) break;
    frames.push({ opcode: b0 & 0x0f, payload: buffer.subarray(offset, offset + length) });
    at = offset + length;
  }
  return { frames, rest: buffer.subarray(at) };
}

interface RawClient {
  socket: net.Socket;
  /** The code of the close frame the host sends, or null when the socket ends without one. */
  closeCode: Promise<number | null>;
}

/** The WebSocket handshake by hand on a plain socket, so the test can then send anything. */
function rawUpgrade(port: number): Promise<RawClient> {
  const socket = net.connect(port, '127.0.0.1');
  socket.on('error', () => undefined); // the host may reset us mid-write; that is the point
  let buffer: Buffer = Buffer.alloc(0);
  let upgraded = false;
  let settleClose: (code: number | null) => void = () => undefined;
  const closeCode = new Promise<number | null>((resolve) => (settleClose = resolve));
  socket.once('close', () => settleClose(null));
  return new Promise((resolve, reject) => {
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!upgraded) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffer.subarray(0, end).toString();
        if (!head.startsWith('HTTP/1.1 101')) {
          reject(new Error(`no upgrade: ${head}`));
          return;
        }
        upgraded = true;
        buffer = buffer.subarray(end + 4);
        resolve({ socket, closeCode });
      }
      const { frames, rest } = decodeFrames(buffer);
      buffer = rest;
      const close = frames.find((f) => f.opcode === 8);
      if (close) settleClose(close.payload.length >= 2 ? close.payload.readUInt16BE(0) : null);
    });
    socket.once('connect', () =>
      socket.write(
        `GET /contract HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      ),
    );
  });
}

type Response = {
  type: 'response';
  id: number | null;
  result: { ok: boolean; error?: { code: string }; value?: unknown };
};

/** A `ws` client collecting the responses it gets. */
async function openClient(
  url: string,
): Promise<{ ws: WebSocket; responses: Response[]; closed: Promise<number> }> {
  const ws = new WebSocket(url.replace(/^http/, 'ws') + 'contract');
  const responses: Response[] = [];
  ws.on('message', (data) => {
    const frame = JSON.parse(wsText(data)) as { type: string };
    if (frame.type === 'response') responses.push(frame as Response);
  });
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return { ws, responses, closed };
}

async function call(url: string, method: string, payload: unknown = {}): Promise<Response['result']> {
  const client = await openClient(url);
  client.ws.send(JSON.stringify({ type: 'request', id: 1, method, payload }));
  await vi.waitFor(() => expect(client.responses).toHaveLength(1), { timeout: 10_000, interval: 20 });
  client.ws.close();
  return (client.responses[0] as Response).result;
}

const temp = makeTempDir('host-fuzz');
let plc: SimulatedDevice;
let cli: RunningCli;

beforeAll(async () => {
  plc = await startSimulatedDevice({ kind: 'tcp', host: '127.0.0.85' });
  const configPath = join(temp.dir, 'plant.yaml');
  writeFileSync(
    configPath,
    `version: 1
site: { id: plant, name: Test Plant, timezone: Europe/Berlin }
defaults: { interval: 500ms, timeout: 300ms, down_after: 2, up_after: 2 }
lines:
  - id: press-1
    name: Press line 1
    endpoints:
      - { id: press1-plc, name: Press 1 PLC, type: plc, probe: { kind: tcp, host: ${plc.host}, port: ${plc.port} } }
`,
  );
  cli = await startCli(['serve', '--config', configPath, '--data', join(temp.dir, 'data'), '--port', '0']);
});
afterAll(async () => {
  await cli.stop();
  await plc.stop();
  temp.remove();
});

const port = (): number => Number(new URL(cli.url).port);

describe('a fuzzed host', () => {
  it('closes a 10 MB frame (1009), an unmasked frame (1002) and invalid UTF-8 (1007), that connection only', async () => {
    const bystander = await openClient(cli.url);

    const big = await rawUpgrade(port());
    big.socket.write(encodeFrame(1, Buffer.alloc(10 * 1024 * 1024, 0x61)));
    expect(await big.closeCode).toBe(1009);
    big.socket.destroy();

    const unmasked = await rawUpgrade(port());
    unmasked.socket.write(
      encodeFrame(1, Buffer.from('{"type":"request","id":1,"method":"getAppInfo"}'), { mask: false }),
    );
    expect(await unmasked.closeCode).toBe(1002);
    unmasked.socket.destroy();

    const invalid = await rawUpgrade(port());
    invalid.socket.write(encodeFrame(1, Buffer.from([0x7b, 0xff, 0xfe, 0x7d])));
    expect(await invalid.closeCode).toBe(1007);
    invalid.socket.destroy();

    // Half a frame, then the client goes away.
    for (let i = 0; i < 3; i += 1) {
      const truncated = await rawUpgrade(port());
      const whole = encodeFrame(
        1,
        Buffer.from('{"type":"request","id":1,"method":"getAppInfo","payload":{}}'),
      );
      truncated.socket.end(whole.subarray(0, Math.floor(whole.length / 2)));
      expect(await truncated.closeCode).toBeNull();
    }

    bystander.ws.send(JSON.stringify({ type: 'request', id: 9, method: 'getAppInfo', payload: {} }));
    await vi.waitFor(() => expect(bystander.responses.map((r) => r.id)).toContain(9), {
      timeout: 10_000,
      interval: 20,
    });
    bystander.ws.close();
    const out = cli.output();
    expect(out).toMatch(/closed websocket .* \(1009\)/);
    expect(out).toMatch(/closed websocket .* \(1002\)/);
    expect(out).toMatch(/closed websocket .* \(1007\)/);
    expect(out).not.toMatch(/^\s+at /m);
    expect(cli.child.exitCode).toBeNull();
  });

  it('answers malformed frames with bad_frame, with the id only when it is a valid one', async () => {
    const client = await openClient(cli.url);
    const sent: [string | Buffer, number | null][] = [
      ['not json at all', null],
      ['[1,2,3]', null],
      ['{"id":3,"method":"getAppInfo"}', 3],
      ['{"type":"request","id":-1,"method":"getAppInfo"}', null],
      ['{"type":"request","id":2.5,"method":"getAppInfo"}', null],
      ['{"type":"request","id":9007199254740993,"method":"getAppInfo"}', null],
      ['{"type":"request","id":4}', 4],
      [Buffer.from([1, 2, 3]), null],
    ];
    for (const [data] of sent) client.ws.send(data);
    await vi.waitFor(() => expect(client.responses).toHaveLength(sent.length), {
      timeout: 10_000,
      interval: 20,
    });
    expect(client.responses.map((r) => r.id)).toEqual(sent.map(([, id]) => id));
    for (const response of client.responses) {
      expect(response.result).toMatchObject({ ok: false, error: { code: 'bad_frame' } });
    }
    // An unknown method in a well-formed frame is the contract's answer, not a bad frame.
    client.ws.send(JSON.stringify({ type: 'request', id: 5, method: 'noSuchMethod' }));
    await vi.waitFor(() => expect(client.responses).toHaveLength(sent.length + 1), {
      timeout: 10_000,
      interval: 20,
    });
    expect(client.responses.at(-1)).toMatchObject({
      id: 5,
      result: { ok: false, error: { code: 'unknown_method' } },
    });
    client.ws.close();
  });

  it('answers every one of 1,000 requests in a burst (ok or rate_limited); closes one that keeps hammering (1008)', async () => {
    const client = await openClient(cli.url);
    for (let id = 1; id <= 1000; id += 1) {
      client.ws.send(JSON.stringify({ type: 'request', id, method: 'getAppInfo', payload: {} }));
    }
    await vi.waitFor(() => expect(client.responses).toHaveLength(1000), { timeout: 20_000, interval: 50 });
    expect(new Set(client.responses.map((r) => r.id)).size).toBe(1000);
    const codes = client.responses.map((r) => (r.result.ok ? 'ok' : r.result.error?.code));
    expect(new Set(codes)).toEqual(new Set(['ok', 'rate_limited']));
    expect(codes.filter((c) => c === 'ok').length).toBeGreaterThanOrEqual(200);
    client.ws.close();

    const hammer = await openClient(cli.url);
    for (let id = 1; id <= 3000 && hammer.ws.readyState === WebSocket.OPEN; id += 1) {
      hammer.ws.send(JSON.stringify({ type: 'request', id, method: 'getAppInfo', payload: {} }));
    }
    expect(await hammer.closed).toBe(1008);
    expect(cli.output()).toMatch(/closed websocket .* \(1008\): kept sending far past the rate limit/);
  });

  it('refuses connections over the cap (503) and survives 200 at once', async () => {
    const attempts = Array.from({ length: 200 }, () => {
      const ws = new WebSocket(cli.url.replace(/^http/, 'ws') + 'contract');
      return new Promise<{ ws: WebSocket; status: number }>((resolve) => {
        ws.once('open', () => resolve({ ws, status: 101 }));
        ws.once('unexpected-response', (request, response) => {
          request.destroy();
          resolve({ ws, status: response.statusCode ?? 0 });
        });
        ws.once('error', () => resolve({ ws, status: -1 }));
      });
    });
    const outcomes = await Promise.all(attempts);
    const opened = outcomes.filter((o) => o.status === 101);
    expect(outcomes.every((o) => o.status === 101 || o.status === 503)).toBe(true);
    expect(opened.length).toBeGreaterThan(0);
    expect(opened.length).toBeLessThanOrEqual(64);
    expect(outcomes.filter((o) => o.status === 503).length).toBeGreaterThanOrEqual(136);
    await Promise.all(
      opened.map(
        ({ ws }) =>
          new Promise<void>((resolve) => {
            ws.once('close', () => resolve());
            ws.close();
          }),
      ),
    );
    expect(cli.output()).toMatch(/refused WebSocket from .*already 64 connections/);
  });

  it('still answers on a fresh connection and still stores checks afterwards', async () => {
    const fuzzEnded = Date.now();
    expect(await call(cli.url, 'getAppInfo')).toMatchObject({ ok: true, value: { name: 'Linewatch' } });
    await vi.waitFor(
      async () => {
        const to = new Date(Date.now() + 60_000).toISOString();
        const from = new Date(fuzzEnded - 3_600_000).toISOString();
        const detail = await call(cli.url, 'getEndpointDetail', { endpointId: 'press1-plc', from, to });
        const checks = (detail.value as { recentChecks: { ts: string }[] }).recentChecks;
        const newest = Math.max(...checks.map((c) => Date.parse(c.ts)));
        expect(newest).toBeGreaterThan(fuzzEnded);
      },
      { timeout: 15_000, interval: 250 },
    );
    expect(cli.child.exitCode).toBeNull();
  });
});
