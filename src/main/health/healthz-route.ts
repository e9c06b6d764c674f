// `GET /healthz` on the headless host: the health as JSON, HTTP 200 while ok or degraded and 503
// when failing, so a load balancer or uptime checker needs no JSON parsing. Details name paths and
// errors, so on a LAN bind only a caller presenting the operator token gets them; others get the
// top status alone.
import type { Health } from '../../shared/contract';
import type { HostRoute } from '../host/http-host';

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  // A health answer is about now: no cache in between may keep an old one.
  'cache-control': 'no-store',
};

export function healthzRoute(health: () => Health): HostRoute {
  return (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return Promise.resolve({
        status: 405,
        headers: { ...JSON_HEADERS, allow: 'GET, HEAD' },
        body: JSON.stringify({ error: 'only GET and HEAD are allowed on /healthz' }),
      });
    }
    const answer = health();
    const detailed = !request.lanMode || request.presentsOperatorToken;
    const body = detailed
      ? {
          status: answer.status,
          checkedAt: answer.checkedAt,
          checks: answer.checks,
          systemAlarms: answer.systemAlarms,
        }
      : { status: answer.status };
    return Promise.resolve({
      status: answer.status === 'failing' ? 503 : 200,
      headers: JSON_HEADERS,
      body: request.method === 'HEAD' ? '' : JSON.stringify(body),
    });
  };
}
