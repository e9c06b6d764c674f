// Compile-time checks (enforced by `tsc -p tsconfig.node.json`): the preload bridge has exactly the
// contract's methods with exactly the contract's types. vitest only runs the trivial body.
import { describe, expectTypeOf, it } from 'vitest';
import type { bridge } from '../../../src/preload/index';
import type {
  EventListener,
  LinewatchBridge,
  RequestName,
  Result,
  ResponseOf,
  Unsubscribe,
} from '../../../src/shared/contract';
import type { AppInfo, ConfigStatus, WallSnapshot } from '../../../src/shared/contract';

type Bridge = typeof bridge;

describe('preload bridge types', () => {
  it('has exactly the contract keys', () => {
    expectTypeOf<keyof Bridge>().toEqualTypeOf<keyof LinewatchBridge>();
    expectTypeOf<Exclude<keyof Bridge, 'on'>>().toEqualTypeOf<RequestName>();
  });

  it('types every request method exactly as the contract', () => {
    expectTypeOf<Bridge['getAppInfo']>().toEqualTypeOf<LinewatchBridge['getAppInfo']>();
    expectTypeOf<Bridge['getWallSnapshot']>().toEqualTypeOf<LinewatchBridge['getWallSnapshot']>();
    expectTypeOf<Bridge['getConfigStatus']>().toEqualTypeOf<LinewatchBridge['getConfigStatus']>();
    expectTypeOf<ReturnType<Bridge['getAppInfo']>>().toEqualTypeOf<Promise<Result<AppInfo>>>();
    expectTypeOf<ReturnType<Bridge['getWallSnapshot']>>().toEqualTypeOf<Promise<Result<WallSnapshot>>>();
    expectTypeOf<ReturnType<Bridge['getConfigStatus']>>().toEqualTypeOf<
      Promise<Result<ResponseOf<'getConfigStatus'>>>
    >();
    expectTypeOf<ResponseOf<'getConfigStatus'>>().toEqualTypeOf<ConfigStatus>();
  });

  it('types `on` exactly as the contract', () => {
    expectTypeOf<Bridge['on']>().toEqualTypeOf<LinewatchBridge['on']>();
    expectTypeOf<ReturnType<Bridge['on']>>().toEqualTypeOf<Unsubscribe>();
    expectTypeOf<Parameters<Bridge['on']>[1]>().toEqualTypeOf<
      EventListener<'endpointStates' | 'configApplied'>
    >();
  });
});
