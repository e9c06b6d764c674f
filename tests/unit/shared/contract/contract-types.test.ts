// Compile-time checks (enforced by `tsc -p tsconfig.node.json`): the preload bridge has exactly the
// contract's methods with exactly the contract's types. vitest only runs the trivial body.
import { describe, expectTypeOf, it } from 'vitest';
import type { bridge } from '@src/preload/index';
import type {
  EventListener,
  EventName,
  EventPayload,
  LinewatchBridge,
  RequestName,
  RequestOf,
  Result,
  ResponseOf,
  Unsubscribe,
} from '@src/shared/contract';
import type {
  AlarmList,
  AlarmView,
  AppInfo,
  ConfigStatus,
  EngineStatus,
  EndpointStatesEvent,
  Insights,
  MutatingRequestName,
  WallSnapshot,
} from '@src/shared/contract';

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

  it('types the engine-status and alarm methods exactly as the contract', () => {
    expectTypeOf<Bridge['getEngineStatus']>().toEqualTypeOf<LinewatchBridge['getEngineStatus']>();
    expectTypeOf<Bridge['listAlarms']>().toEqualTypeOf<LinewatchBridge['listAlarms']>();
    expectTypeOf<Bridge['acknowledgeAlarm']>().toEqualTypeOf<LinewatchBridge['acknowledgeAlarm']>();
    expectTypeOf<ReturnType<Bridge['getEngineStatus']>>().toEqualTypeOf<Promise<Result<EngineStatus>>>();
    expectTypeOf<ReturnType<Bridge['listAlarms']>>().toEqualTypeOf<Promise<Result<AlarmList>>>();
    expectTypeOf<ReturnType<Bridge['acknowledgeAlarm']>>().toEqualTypeOf<Promise<Result<AlarmView>>>();
    // The note has a schema default, so callers may omit it; the operator may not be omitted.
    expectTypeOf<RequestOf<'acknowledgeAlarm'>>().toEqualTypeOf<{
      alarmId: number;
      operator: string;
      note?: string | undefined;
      // Proof that an operator stands behind it (PIN or session), checked in main.
      proof?: { pin?: string | undefined; session?: string | undefined } | undefined;
    }>();
  });

  it('types the insights method exactly as the contract: a read-only window of ISO times', () => {
    expectTypeOf<Bridge['getInsights']>().toEqualTypeOf<LinewatchBridge['getInsights']>();
    expectTypeOf<ResponseOf<'getInsights'>>().toEqualTypeOf<Insights>();
    expectTypeOf<RequestOf<'getInsights'>>().toEqualTypeOf<{ from: string; to: string }>();
    expectTypeOf<'getInsights'>().not.toExtend<MutatingRequestName>();
  });

  it('types `on` exactly as the contract', () => {
    expectTypeOf<Bridge['on']>().toEqualTypeOf<LinewatchBridge['on']>();
    expectTypeOf<ReturnType<Bridge['on']>>().toEqualTypeOf<Unsubscribe>();
    expectTypeOf<Parameters<Bridge['on']>[1]>().toEqualTypeOf<
      EventListener<
        | 'endpointStates'
        | 'configApplied'
        | 'alarmsChanged'
        | 'consentChanged'
        | 'desktopNotification'
        | 'healthChanged'
      >
    >();
  });

  it('declares exactly the contract events with their payloads', () => {
    expectTypeOf<EventName>().toEqualTypeOf<
      | 'endpointStates'
      | 'configApplied'
      | 'alarmsChanged'
      | 'consentChanged'
      | 'desktopNotification'
      | 'healthChanged'
    >();
    expectTypeOf<EventPayload<'endpointStates'>>().toEqualTypeOf<EndpointStatesEvent>();
    expectTypeOf<EventPayload<'configApplied'>>().toEqualTypeOf<ConfigStatus>();
    expectTypeOf<EventPayload<'alarmsChanged'>>().toEqualTypeOf<{
      reason: 'raised' | 'cleared' | 'acknowledged';
      alarmId: number;
    }>();
  });
});
