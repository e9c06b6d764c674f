// A local OTLP/HTTP metrics receiver for tests: takes the JSON exports the OpenTelemetry exporter
// POSTs to /v1/metrics and decodes them into points by metric name and attributes.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OtlpPoint {
  metric: string;
  /** gauge, sum or histogram. */
  kind: string;
  attributes: Record<string, string>;
  /** The gauge or sum value; a histogram's count. */
  value: number;
  bucketCounts?: number[];
  explicitBounds?: number[];
}

export interface OtlpExport {
  headers: http.IncomingHttpHeaders;
  resource: Record<string, string>;
  points: OtlpPoint[];
}

export interface OtlpReceiver {
  url: string;
  exports: OtlpExport[];
  /** Resolves with the first export (already received or still to come) that satisfies `test`. */
  waitFor(test: (received: OtlpExport) => boolean): Promise<OtlpExport>;
  close(): Promise<void>;
}

interface JsonAttribute {
  key: string;
  value: { stringValue?: string; intValue?: string | number; doubleValue?: number; boolValue?: boolean };
}
interface JsonPoint {
  attributes?: JsonAttribute[];
  asDouble?: number;
  asInt?: string | number;
  count?: string | number;
  bucketCounts?: (string | number)[];
  explicitBounds?: number[];
}
interface JsonMetric {
  name: string;
  gauge?: { dataPoints: JsonPoint[] };
  sum?: { dataPoints: JsonPoint[] };
  histogram?: { dataPoints: JsonPoint[] };
}
interface JsonExport {
  resourceMetrics: {
    resource?: { attributes?: JsonAttribute[] };
    scopeMetrics: { metrics: JsonMetric[] }[];
  }[];
}

const attributesOf = (list: JsonAttribute[] = []): Record<string, string> =>
  Object.fromEntries(
    list.map(({ key, value }) => [
      key,
      String(value.stringValue ?? value.intValue ?? value.doubleValue ?? value.boolValue ?? ''),
    ]),
  );

export function decodeOtlpJson(body: JsonExport): { resource: Record<string, string>; points: OtlpPoint[] } {
  const points: OtlpPoint[] = [];
  let resource: Record<string, string> = {};
  for (const rm of body.resourceMetrics) {
    resource = { ...resource, ...attributesOf(rm.resource?.attributes) };
    for (const sm of rm.scopeMetrics) {
      for (const metric of sm.metrics) {
        for (const kind of ['gauge', 'sum', 'histogram'] as const) {
          for (const point of metric[kind]?.dataPoints ?? []) {
            points.push({
              metric: metric.name,
              kind,
              attributes: attributesOf(point.attributes),
              value: Number(kind === 'histogram' ? point.count : (point.asDouble ?? point.asInt)),
              ...(point.bucketCounts ? { bucketCounts: point.bucketCounts.map(Number) } : {}),
              ...(point.explicitBounds ? { explicitBounds: point.explicitBounds } : {}),
            });
          }
        }
      }
    }
  }
  return { resource, points };
}

export async function startOtlpReceiver(host: string): Promise<OtlpReceiver> {
  const exports: OtlpExport[] = [];
  const waiters: { test: (e: OtlpExport) => boolean; resolve: (e: OtlpExport) => void }[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== '/v1/metrics') {
        response.writeHead(404).end();
        return;
      }
      const decoded = decodeOtlpJson(JSON.parse(Buffer.concat(chunks).toString('utf8')) as JsonExport);
      const received: OtlpExport = { headers: request.headers, ...decoded };
      exports.push(received);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      for (const waiter of [...waiters]) {
        if (!waiter.test(received)) continue;
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(received);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/v1/metrics`,
    exports,
    waitFor: (test) =>
      new Promise((resolve) => {
        const already = exports.find(test);
        if (already) resolve(already);
        else waiters.push({ test, resolve });
      }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The points of `metric` whose attributes include `attributes`. */
export function pointsOf(
  received: OtlpExport,
  metric: string,
  attributes: Record<string, string> = {},
): OtlpPoint[] {
  return received.points.filter(
    (p) => p.metric === metric && Object.entries(attributes).every(([k, v]) => p.attributes[k] === v),
  );
}
