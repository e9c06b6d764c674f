// The email channel against a real SMTP server (smtp-server) on loopback: what arrives, with which
// subject, text and HTML, authenticated when set; and every failure rejects with its reason.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmailChannel, type EmailChannelOptions } from '@src/main/notifications/channels/email';
import type { Channel } from '@src/main/notifications/channel';
import { createSecretReader } from '@src/main/notifications/secrets';
import { aNotification, aNotifiedAlarm } from '../../../../support/notification-builders';
import {
  startSmtpReceiver,
  type SmtpReceiver,
  type SmtpReceiverOptions,
} from '../../../../support/smtp-receiver';
import { useTempDirs } from '../../../../support/temp-store';

const tempDir = useTempDirs('email-secret');

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function receiver(options: SmtpReceiverOptions = {}): Promise<SmtpReceiver> {
  const started = await startSmtpReceiver(options);
  cleanups.push(() => started.close());
  return started;
}

/** The secrets the channels below read: as if set in the environment of the process. */
const ENV = { SMTP_USER: 'linewatch', SMTP_PASS: 's3cret', SMTP_WRONG_PASS: 'wrong' };
const withLogin = { user: { env: 'SMTP_USER' }, password: { env: 'SMTP_PASS' } };

function channel(
  port: number,
  fields: Partial<EmailChannelOptions> = {},
  smtp: Partial<EmailChannelOptions['smtp']> = {},
): Channel {
  const made = createEmailChannel({
    id: 'shift-lead',
    to: ['lead@plant.example', 'deputy@plant.example'],
    from: 'linewatch@plant.example',
    site: { id: 'plant-a', name: 'Plant A', timezone: 'UTC' },
    readSecret: createSecretReader(ENV),
    timeoutMs: 5_000,
    ...fields,
    smtp: { host: '127.0.0.1', port, secure: false, starttls: false, user: null, password: null, ...smtp },
  });
  cleanups.push(() => made.close());
  return made;
}

/** A TCP server that accepts and then says nothing: an SMTP server that hangs. */
async function silentServer(): Promise<number> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve();
    });
  });
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  );
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

const plcDown = aNotifiedAlarm('press1-plc', {
  id: 11,
  endpoint: { id: 'press1-plc', name: 'Press 1 PLC' },
  severity: 'high',
  impact: {
    costPerMinute: 850,
    costSoFar: 12_750,
    affected: { endpointIds: ['press1-hmi', 'press1-robot'], lineIds: ['press-1'] },
    cascadeRisk: 'high',
    expectedRecoveryS: 720,
    shift: { id: 'early', name: 'Early shift' },
  },
});

const signal = (): AbortSignal => AbortSignal.timeout(10_000);

describe('email channel (real SMTP receiver)', () => {
  it('sends one message with the impact as plain text and as HTML, to every recipient', async () => {
    const smtp = await receiver();
    await channel(smtp.port).deliver(aNotification('alarm.raised', [plcDown]), signal());

    const [mail] = await smtp.waitForMessages(1);
    expect(mail?.subject).toBe('[Linewatch] HIGH Press line 1: Press 1 PLC down');
    expect(mail?.from).toBe('linewatch@plant.example');
    expect(mail?.to).toEqual(['lead@plant.example', 'deputy@plant.example']);
    expect(mail?.user).toBeNull();
    for (const body of [mail?.text, mail?.html]) {
      expect(body).toContain('HIGH');
      expect(body).toContain('Press 1 PLC (press1-plc)');
      expect(body).toContain('850 / min');
      expect(body).toContain('12,750');
      expect(body).toContain('2 dependent device(s): press1-hmi, press1-robot; line(s) down: press-1');
      expect(body).toContain('12m 00s (median repair of the past 90 days)');
      expect(body).toContain('Early shift');
    }
    expect(mail?.html).toMatch(/^<!doctype html>/);
  });

  it('writes times in the site timezone', async () => {
    const smtp = await receiver();
    await channel(smtp.port, { site: { id: 'plant-a', name: 'Plant A', timezone: 'Europe/Berlin' } }).deliver(
      aNotification('alarm.raised', [plcDown]),
      signal(),
    );
    const [mail] = await smtp.waitForMessages(1);
    // 14:10Z is 15:10 in Berlin in January.
    expect(mail?.text).toMatch(/Down since\s+15:10/);
    expect(mail?.text).toContain('(times are Europe/Berlin time)');
  });

  it('escapes names and operator text in the HTML part', async () => {
    const smtp = await receiver();
    const hostile = aNotifiedAlarm('cam-1', {
      endpoint: { id: 'cam-1', name: '<img src=x onerror=alert(1)> & "Cam"' },
      acknowledgedAt: plcDown.detectedAt + 60_000,
      acknowledgedBy: '<b>Eve</b>',
    });
    await channel(smtp.port).deliver(aNotification('alarm.acknowledged', [hostile]), signal());
    const [mail] = await smtp.waitForMessages(1);
    expect(mail?.html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Cam&quot;');
    expect(mail?.html).toContain('&lt;b&gt;Eve&lt;/b&gt;');
    expect(mail?.html).not.toContain('<img');
    expect(mail?.html).not.toContain('<b>Eve');
    // The plain part is plain: nothing to escape there.
    expect(mail?.text).toContain('<img src=x onerror=alert(1)> & "Cam"');
    expect(mail?.subject).toBe(
      '[Linewatch] ACKNOWLEDGED LOW Press line 1: <img src=x onerror=alert(1)> & "Cam" acknowledged by <b>Eve</b>',
    );
  });

  it('sends a storm as one message that lists its members, with the cost rate of each line counted once', async () => {
    const smtp = await receiver();
    const members = Array.from({ length: 50 }, (_, i) =>
      aNotifiedAlarm(`press1-dev-${i}`, {
        id: 100 + i,
        severity: i === 7 ? 'high' : 'medium',
        // Every member takes the same line down: its rate counts once, not 50 times.
        impact: { costPerMinute: 850, affected: { endpointIds: [], lineIds: ['press-1'] } },
      }),
    );
    await channel(smtp.port).deliver(aNotification('alarm.raised', members), signal());

    const [mail] = await smtp.waitForMessages(1);
    expect(smtp.messages).toHaveLength(1);
    expect(mail?.subject).toBe('[Linewatch] HIGH 50 devices down on Press line 1');
    expect(mail?.text).toMatch(/Devices\s+50/);
    expect(mail?.text).toMatch(/Worst severity\s+HIGH/);
    expect(mail?.text).toMatch(/Cost rate\s+850 \/ min/);
    expect(mail?.text).toContain('storm on Press line 1');
    for (let i = 0; i < 50; i++) {
      expect(mail?.text).toContain(`press1-dev-${i} (Press line 1)`);
      expect(mail?.html).toContain(
        `<td style="padding:2px 12px 2px 0;text-align:left;vertical-align:top">press1-dev-${i}</td>`,
      );
    }
  });

  it('logs in with the configured user and password', async () => {
    const smtp = await receiver({ auth: { user: 'linewatch', password: 's3cret' } });
    await channel(smtp.port, {}, withLogin).deliver(aNotification('alarm.raised', [plcDown]), signal());
    const [mail] = await smtp.waitForMessages(1);
    expect(mail?.user).toBe('linewatch');
  });

  it('reads the password from a file at each delivery, so a rotated secret is picked up', async () => {
    const smtp = await receiver({ auth: { user: 'linewatch', password: 'rotated' } });
    const file = path.join(tempDir(), 'smtp-pass');
    fs.writeFileSync(file, 'before\n');
    const ch = channel(smtp.port, {}, { user: { env: 'SMTP_USER' }, password: { file } });
    await expect(ch.deliver(aNotification('alarm.raised', [plcDown]), signal())).rejects.toThrow(
      /Invalid username or password/,
    );
    fs.writeFileSync(file, 'rotated\n');
    await ch.deliver(aNotification('alarm.raised', [plcDown]), signal());
    expect((await smtp.waitForMessages(1))[0]?.user).toBe('linewatch');
  });

  it('rejects naming the variable, never the value, when a secret is missing', async () => {
    const smtp = await receiver({ auth: { user: 'linewatch', password: 's3cret' } });
    const ch = channel(smtp.port, {}, { user: { env: 'SMTP_USER' }, password: { env: 'SMTP_UNSET' } });
    const failure = ch.deliver(aNotification('alarm.raised', [plcDown]), signal());
    await expect(failure).rejects.toThrow(/environment variable SMTP_UNSET/);
    await expect(failure).rejects.not.toThrow(/linewatch\b.*s3cret/);
    expect(smtp.messages).toHaveLength(0);
  });

  it('rejects when the server refuses the login, and sends nothing', async () => {
    const smtp = await receiver({ auth: { user: 'linewatch', password: 's3cret' } });
    const ch = channel(smtp.port, {}, { ...withLogin, password: { env: 'SMTP_WRONG_PASS' } });
    await expect(ch.deliver(aNotification('alarm.raised', [plcDown]), signal())).rejects.toThrow(
      /email shift-lead via 127\.0\.0\.1:\d+: .*Invalid username or password/,
    );
    expect(smtp.failedLogins).toEqual(['linewatch']);
    expect(smtp.messages).toHaveLength(0);
  });

  it('rejects when the server requires a login and none is configured', async () => {
    const smtp = await receiver({ auth: { user: 'linewatch', password: 's3cret' } });
    await expect(
      channel(smtp.port).deliver(aNotification('alarm.raised', [plcDown]), signal()),
    ).rejects.toThrow(/email shift-lead/);
    expect(smtp.messages).toHaveLength(0);
  });

  it('rejects with the server reply when the message is refused', async () => {
    const smtp = await receiver({ reject: { code: 552, message: 'mailbox full' } });
    await expect(
      channel(smtp.port).deliver(aNotification('alarm.raised', [plcDown]), signal()),
    ).rejects.toThrow(/552.*mailbox full/);
  });

  it('rejects when a recipient is refused, naming it and the ones that got it', async () => {
    const smtp = await receiver({ refuseRecipients: ['deputy@plant.example'] });
    await expect(
      channel(smtp.port).deliver(aNotification('alarm.raised', [plcDown]), signal()),
    ).rejects.toThrow('refused recipient(s) deputy@plant.example (accepted: lead@plant.example)');
    expect(smtp.messages.map((mail) => mail.to)).toEqual([['lead@plant.example']]);
  });

  it('with starttls: true, refuses to send in clear to a server without STARTTLS', async () => {
    const smtp = await receiver();
    const ch = channel(smtp.port, {}, { starttls: true });
    await expect(ch.deliver(aNotification('alarm.raised', [plcDown]), signal())).rejects.toThrow(/STARTTLS/);
    expect(smtp.messages).toHaveLength(0);
  });

  it('rejects on a refused connection', async () => {
    const smtp = await receiver();
    const port = smtp.port;
    await smtp.close();
    await expect(channel(port).deliver(aNotification('alarm.raised', [plcDown]), signal())).rejects.toThrow(
      /ECONNREFUSED/,
    );
  });

  it('rejects within its timeout when the server never answers', async () => {
    const port = await silentServer();
    const started = Date.now();
    await expect(
      channel(port, { timeoutMs: 300 }).deliver(aNotification('alarm.raised', [plcDown]), signal()),
    ).rejects.toThrow(/Greeting never received|timeout/i);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("stops waiting when the dispatcher's signal aborts", async () => {
    const port = await silentServer();
    const controller = new AbortController();
    const delivery = channel(port).deliver(aNotification('alarm.raised', [plcDown]), controller.signal);
    controller.abort(new Error('delivery timed out after 2 s'));
    await expect(delivery).rejects.toThrow(/delivery timed out after 2 s/);
  });

  it('refuses to deliver after close()', async () => {
    const smtp = await receiver();
    const ch = channel(smtp.port);
    await ch.close();
    await expect(ch.deliver(aNotification('alarm.raised', [plcDown]), signal())).rejects.toThrow(/closed/);
  });
});
