// The OTLP headers variable: "name=value,name2=value2" as the OpenTelemetry variables write it;
// a broken entry is reported by its position, never by its (secret) value.
import { describe, expect, it } from 'vitest';
import { otlpHeadersFromEnv, parseOtlpHeaders } from '@src/main/otlp/otlp-headers';

describe('otlp headers', () => {
  it('reads name=value pairs, trims them and decodes %-escapes', () => {
    expect(parseOtlpHeaders('H', 'api-key=abc123, X-Scope-OrgID = plant%20a,')).toEqual({
      'api-key': 'abc123',
      'X-Scope-OrgID': 'plant a',
    });
    expect(parseOtlpHeaders('H', 'authorization=Basic dXNlcjpwdw==')).toEqual({
      authorization: 'Basic dXNlcjpwdw==',
    });
  });

  it('names the variable and the entry that is not name=value, without the value', () => {
    expect(() => parseOtlpHeaders('OTLP_H', 'a=1,secretvalue')).toThrow(
      'environment variable OTLP_H, entry 2: expected name=value',
    );
    expect(() => parseOtlpHeaders('OTLP_H', 'a=1,secretvalue')).not.toThrow(/secretvalue/);
    expect(() => parseOtlpHeaders('OTLP_H', 'k=%zz')).toThrow('entry 1 (k): the value has a broken %-escape');
  });

  it('has no headers without a variable and refuses a variable that is not set', () => {
    expect(otlpHeadersFromEnv(null, {})).toEqual({});
    expect(otlpHeadersFromEnv('H', { H: 'a=b' })).toEqual({ a: 'b' });
    expect(() => otlpHeadersFromEnv('MISSING_H', {})).toThrow(
      'environment variable MISSING_H (otlp.headers_env) is not set',
    );
  });
});
