// `GET /metrics` on the headless host. The metrics name the plant's lines and devices, so on a LAN
// bind they follow the dashboard's rule for plant data: only for a caller presenting the operator
// token (Prometheus: `authorization: { credentials_file: ... }`). On loopback it is open.
import type { HostRoute, HostRouteResponse } from '../host/http-host';

const TEXT = { 'content-type': 'text/plain; charset=utf-8' };

export function metricsRoute(scrape: () => Promise<{ contentType: string; body: string }>): HostRoute {
  return async (request): Promise<HostRouteResponse> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return { status: 405, headers: { ...TEXT, allow: 'GET, HEAD' }, body: 'Use GET /metrics.\n' };
    }
    if (request.lanMode && !request.presentsOperatorToken) {
      return {
        status: 401,
        headers: { ...TEXT, 'www-authenticate': 'Bearer realm="linewatch"' },
        body: 'On a LAN bind /metrics needs the operator token as "Authorization: Bearer <token>".\n',
      };
    }
    const { contentType, body } = await scrape();
    return {
      status: 200,
      headers: { 'content-type': contentType, 'cache-control': 'no-store' },
      body: request.method === 'HEAD' ? '' : body,
    };
  };
}
