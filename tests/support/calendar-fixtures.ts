// Resolved configs built in code (the calendar never sees YAML): only what the calendar reads matters.
import type { LineConfig, LinewatchConfig, MaintenanceConfig } from '@src/main/config';
import { aConfig, aLine, anEndpoint } from './config-builders';

/** A line of default endpoints with these ids. */
export function line(id: string, endpointIds: string[]): LineConfig {
  return aLine(
    id,
    endpointIds.map((e) => anEndpoint(e)),
  );
}

/** Site plant-augsburg with lines press-1 (switch, plc, hmi) and paint-2 (robot). */
export function configWith(
  timezone: string,
  maintenance: MaintenanceConfig[],
  lines?: LineConfig[],
): LinewatchConfig {
  return aConfig({
    site: { id: 'plant-augsburg', name: 'Augsburg Plant', timezone },
    lines: lines ?? [
      line('press-1', ['press1-switch', 'press1-plc', 'press1-hmi']),
      line('paint-2', ['paint2-robot']),
    ],
    maintenance,
  });
}
