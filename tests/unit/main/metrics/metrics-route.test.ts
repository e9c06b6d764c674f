// /metrics follows the dashboard's access rule for plant data: open on loopback, the operator
// token as a Bearer credential on a LAN bind.
import { describe, expect, it } from 'vitest';
import type { HostRouteRequest } from '@src/main/host/http-host';
import { metricsRoute } from '@src/main/metrics/metrics-route';

const route = metricsRoute(() =>
  Promise.resolve({ contentType: 'text/plain; version=0.0.4', body: 'up 1\n' }),
);
const request = (fields: Partial<HostRouteRequest>): HostRouteRequest => ({
  method: 'GET',
  query: new URLSearchParams(),
  lanMode: false,
  presentsOperatorToken: false,
  ...fields,
});

describe('metrics route', () => {
  it('answers on loopback without a token', async () => {
    const answer = await route(request({}));
    expect(answer).toMatchObject({ status: 200, body: 'up 1\n' });
    expect(answer.headers['content-type']).toBe('text/plain; version=0.0.4');
  });

  it('refuses a LAN caller without the token, and serves one presenting it', async () => {
    const refused = await route(request({ lanMode: true }));
    expect(refused.status).toBe(401);
    expect(refused.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(String(refused.body)).toContain('Authorization: Bearer');
    expect((await route(request({ lanMode: true, presentsOperatorToken: true }))).status).toBe(200);
  });

  it('answers only GET and HEAD', async () => {
    expect((await route(request({ method: 'POST' }))).status).toBe(405);
    expect(await route(request({ method: 'HEAD' }))).toMatchObject({ status: 200, body: '' });
  });
});
