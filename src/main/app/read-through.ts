// The monitor engine buffers its writes (checks, outages, alarms) and commits them every few
// hundred milliseconds. A handler that reads the store must see what the engine already knows, so
// the composition root wraps the handlers of every store-backed feature once, here, instead of
// each handler remembering to flush first.
import type { Caller, ContractHandlers } from '../../shared/contract';

type SomeHandlers = Partial<ContractHandlers>;

/** The same handlers, each committing the engine's buffered writes (`flush`) before it runs. */
export function readThrough<H extends SomeHandlers>(handlers: H, flush: () => void): H {
  // Each entry keeps its own request and response types; only the assembly loses the key
  // correlation (as in dispatch.ts), hence the one cast.
  const entries = Object.entries(handlers) as [string, (request: unknown, caller: Caller) => unknown][];
  return Object.fromEntries(
    entries.map(([name, handler]) => [
      name,
      (request: unknown, caller: Caller): unknown => {
        flush();
        return handler(request, caller);
      },
    ]),
  ) as H;
}
