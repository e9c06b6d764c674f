// The loaded config as fault context may describe it (src/shared/telemetry/fault-context.ts): line
// hashes, cost buckets, endpoint types and whether each endpoint takes its line down, and the
// shifts' clock times. Built here because only main may hash; the renderer gets the result.
import { bucketCostPerMinute } from '../../shared/telemetry/buckets';
import type { FaultSite } from '../../shared/telemetry/fault-context';
import type { LinewatchConfig } from '../config';
import { hashLineId } from './sensitive-strings';

export function faultSiteOf(config: LinewatchConfig): FaultSite {
  return {
    timeZone: config.site.timezone,
    shifts: config.shifts.map(({ start, end }) => ({ start, end })),
    lines: config.lines.map((line) => {
      // The line-state rule: a line that marks no endpoint critical goes down with any of them.
      const anyMarked = line.endpoints.some((e) => e.critical);
      return {
        id: line.id,
        hash: hashLineId(config.site.id, line.id),
        costBucket: bucketCostPerMinute(line.downtimeCostPerMinute),
        endpoints: line.endpoints.map((e) => ({
          id: e.id,
          type: e.type,
          critical: e.critical || !anyMarked,
        })),
      };
    }),
  };
}
