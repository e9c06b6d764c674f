// Where an endpoint sits in the config: the one lookup the alarm, outage and endpoint views share to
// name what they show, and the one count of monitored endpoints.
import type { EndpointConfig, LineConfig, LinewatchConfig } from './types';

export interface LocatedEndpoint {
  endpoint: EndpointConfig;
  line: LineConfig;
}

/** Every endpoint of the config by id, with the line it belongs to. */
export function locateEndpoints(config: LinewatchConfig): Map<string, LocatedEndpoint> {
  return new Map(
    config.lines.flatMap((line) =>
      line.endpoints.map((endpoint) => [endpoint.id, { endpoint, line }] as const),
    ),
  );
}

export const endpointCount = (config: LinewatchConfig): number =>
  config.lines.reduce((n, line) => n + line.endpoints.length, 0);
