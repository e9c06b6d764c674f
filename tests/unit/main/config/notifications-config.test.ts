import { describe, expect, it } from 'vitest';
import { parseConfigText } from '@src/main/config';
import { BASE, FILE, issuesOf, yaml } from '../../../support/config-helpers';

const withNotifications = (...lines: string[]): string => yaml([...BASE, 'notifications:', ...lines]);

describe('notifications config', () => {
  it('resolves the four channel kinds and the rules, with defaults; secrets stay references', () => {
    const text = withNotifications(
      '  channels:', // 19
      '    - { id: ops-hook, kind: webhook, url: "http://127.0.0.1:9000/hook", secret_env: LINEWATCH_HOOK_SECRET }',
      '    - id: shift-lead',
      '      kind: email',
      '      to: [lead@plant.example]',
      '      smtp: { host: 127.0.0.1, port: 2525, starttls: false, user_env: SMTP_USER, password_file: /run/secrets/smtp }',
      '    - { id: scada, kind: mqtt, url: "mqtt://127.0.0.1:1883" }',
      '    - { id: desk, kind: desktop }',
      '  rules:',
      '    - { channels: [ops-hook, desk], min_severity: medium }',
      '    - { channels: [shift-lead], min_severity: high, unacknowledged_for: 10m }',
      '    - { channels: [scada], lines: [press-1], endpoints: [plc] }',
    );
    const result = parseConfigText(text, FILE);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.config.notifications).toEqual({
      groupWindowMs: 1_000,
      channels: [
        {
          id: 'ops-hook',
          kind: 'webhook',
          url: 'http://127.0.0.1:9000/hook',
          secret: { env: 'LINEWATCH_HOOK_SECRET' },
          timeoutMs: 5_000,
        },
        {
          id: 'shift-lead',
          kind: 'email',
          to: ['lead@plant.example'],
          from: null,
          smtp: {
            host: '127.0.0.1',
            port: 2525,
            secure: false,
            starttls: false,
            user: { env: 'SMTP_USER' },
            password: { file: '/run/secrets/smtp' },
          },
        },
        {
          id: 'scada',
          kind: 'mqtt',
          url: 'mqtt://127.0.0.1:1883',
          topicPrefix: 'linewatch',
          username: null,
          password: null,
        },
        { id: 'desk', kind: 'desktop' },
      ],
      rules: [
        {
          channels: ['ops-hook', 'desk'],
          minSeverity: 'medium',
          lines: null,
          endpoints: null,
          unacknowledgedForMs: null,
        },
        {
          channels: ['shift-lead'],
          minSeverity: 'high',
          lines: null,
          endpoints: null,
          unacknowledgedForMs: 600_000,
        },
        {
          channels: ['scada'],
          minSeverity: 'low',
          lines: ['press-1'],
          endpoints: ['plc'],
          unacknowledgedForMs: null,
        },
      ],
    });
  });

  it('a config without notifications has none', () => {
    const result = parseConfigText(yaml(BASE), FILE);
    expect(result.ok && result.config.notifications).toEqual({
      groupWindowMs: 1_000,
      channels: [],
      rules: [],
    });
  });

  it('a rule naming an unknown channel, line or endpoint is an error at that id', () => {
    expect(
      issuesOf(
        withNotifications(
          '  channels:', // 19
          '    - { id: desk, kind: desktop }', // 20
          '  rules:', // 21
          '    - { channels: [desk, pager], lines: [press-2], endpoints: [plc, robot] }', // 22
        ),
      ),
    ).toEqual([
      'test.yaml:22:26 notifications.rules[0].channels[1]: expected the id of a channel under notifications.channels, got "pager"',
      'test.yaml:22:42 notifications.rules[0].lines[0]: expected the id of a line, got "press-2"',
      'test.yaml:22:69 notifications.rules[0].endpoints[1]: expected the id of an endpoint, got "robot"',
    ]);
  });

  it('a bad URL, an unknown kind and a duplicate channel id point at the value', () => {
    expect(
      issuesOf(
        withNotifications(
          '  channels:', // 19
          '    - { id: hook, kind: webhook, url: "ftp://127.0.0.1/hook" }', // 20
          '    - { id: bus, kind: mqtt, url: "http://127.0.0.1:1883" }', // 21
          '    - { id: pager, kind: sms }', // 22
          '    - { id: hook, kind: desktop }', // 23
        ),
      ),
    ).toEqual([
      'test.yaml:20:39 notifications.channels[0].url: expected an http:// or https:// URL, got "ftp://127.0.0.1/hook"',
      'test.yaml:21:35 notifications.channels[1].url: expected an mqtt:// or mqtts:// URL, got "http://127.0.0.1:1883"',
      'test.yaml:22:26 notifications.channels[2].kind: expected one of webhook, email, mqtt, desktop, got "sms"',
      'test.yaml:23:13 notifications.channels[3].id: duplicate channel id "hook", already used at notifications.channels[0]; expected channel ids unique',
    ]);
  });

  it('a secret written into the file, or given twice, is refused', () => {
    expect(
      issuesOf(
        withNotifications(
          '  channels:', // 19
          '    - { id: hook, kind: webhook, url: "http://127.0.0.1/h", secret: hunter2 }', // 20
          '    - { id: hook2, kind: webhook, url: "http://127.0.0.1/h", secret_env: "s3cr3t value!" }', // 21
          '    - { id: hook3, kind: webhook, url: "http://127.0.0.1/h", secret_env: A, secret_file: /a }', // 22
        ),
      ),
    ).toEqual([
      'test.yaml:20:61 notifications.channels[0].secret: unknown key, expected one of id, kind, url, secret_env, secret_file, timeout',
      'test.yaml:21:74 notifications.channels[1].secret_env: expected the NAME of an environment variable (letters, digits, _), not the secret itself, got "s3cr3t value!"',
      'test.yaml:22:90 notifications.channels[2].secret_file: expected either secret_env or secret_file, not both, got "/a"',
    ]);
  });

  it('a URL carrying user:password is refused, without repeating the password', () => {
    expect(
      issuesOf(
        withNotifications(
          '  channels:', // 19
          '    - { id: hook, kind: webhook, url: "https://ops:hunter2@hooks.plant.example/x" }', // 20
          '    - { id: bus, kind: mqtt, url: "mqtt://scada:hunter2@127.0.0.1:1883" }', // 21
        ),
      ),
    ).toEqual([
      'test.yaml:20:39 notifications.channels[0].url: a URL with user:password would keep a secret in the file; expected the URL without it and the secret in *_env or *_file',
      'test.yaml:21:35 notifications.channels[1].url: a URL with user:password would keep a secret in the file; expected the URL without it and the secret in *_env or *_file',
    ]);
  });

  it('a bad severity or escalation duration says what was expected', () => {
    expect(
      issuesOf(
        withNotifications(
          '  channels: [{ id: desk, kind: desktop }]', // 19
          '  rules:', // 20
          '    - { channels: [desk], min_severity: urgent, unacknowledged_for: soon }', // 21
        ),
      ),
    ).toEqual([
      'test.yaml:21:41 notifications.rules[0].min_severity: expected one of critical, high, medium, low, got "urgent"',
      expect.stringMatching(
        /^test\.yaml:21:69 notifications\.rules\[0\]\.unacknowledged_for: expected a duration/,
      ),
    ]);
  });
});
