// The optional `otlp:` block of issue 14: an http(s) endpoint and the NAME of the variable that
// holds the headers; refused with FILE:LINE:COL when it is anything else.
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '@src/main/config';
import { BASE, FILE, issuesOf, yaml } from '../../../support/config-helpers';

describe('otlp config', () => {
  it('resolves the endpoint and the headers variable; absent without the block', () => {
    const text = yaml([
      ...BASE,
      'otlp:',
      '  endpoint: http://collector.plant:4318/v1/metrics',
      '  headers_env: LINEWATCH_OTLP_HEADERS',
    ]);
    const result = parseConfigText(text, FILE);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.config.otlp).toEqual({
      endpoint: 'http://collector.plant:4318/v1/metrics',
      headersEnv: 'LINEWATCH_OTLP_HEADERS',
    });
    const plain = parseConfigText(yaml(BASE), FILE);
    if (!plain.ok) throw new Error(JSON.stringify(plain.issues));
    expect(plain.config.otlp).toBeUndefined();
  });

  it('refuses a non-HTTP endpoint, headers written inline and an unknown key, each at its place', () => {
    const issues = issuesOf(
      yaml([
        ...BASE,
        'otlp:',
        '  endpoint: grpc://collector:4317',
        '  headers_env: "api-key=abc"',
        '  every: 30s',
      ]),
    );
    expect(issues).toContainEqual(
      expect.stringMatching(/^test\.yaml:19:13 .*expected an http:\/\/ or https:\/\/ URL/),
    );
    expect(issues).toContainEqual(
      expect.stringMatching(/^test\.yaml:20:16 .*expected the NAME of an environment variable/),
    );
    expect(issues).toContainEqual(expect.stringMatching(/^test\.yaml:21:3 .*every/));
  });
});
