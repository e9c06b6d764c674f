// The one place that declares every channel between main and renderer: request schema, response
// schema, and the separate map of main->renderer events. The shell, the preload, the WebSocket host
// and the renderer client are all typed from these two objects, so they cannot drift.
import type { z } from 'zod';
import { AppInfo, ConfigStatus, EmptyRequest, EndpointStatesEvent, WallSnapshot } from './schemas';
import {
  AcknowledgeAlarmRequest,
  AcknowledgeAlarmsRequest,
  AcknowledgeAlarmsResult,
  AlarmList,
  AlarmsChangedEvent,
  AlarmView,
  EngineStatus,
} from './alarm-schemas';
import { Report } from '../report/report-schema';
import {
  AvailabilitySeries,
  AvailabilitySeriesRequest,
  GetReportRequest,
  GetShiftHandoverRequest,
  RttSeries,
  RttSeriesRequest,
  ShiftHandover,
} from './report-contract';
import {
  ConfigText,
  ConfigVersionList,
  EndpointDetail,
  EndpointDetailRequest,
  ListOutagesRequest,
  OutageList,
  SiteCalendar,
} from './console-contract';
import {
  ConsoleSettings,
  UpdateSettingsRequest,
  VerifyPinRequest,
  VerifyPinResult,
} from './settings-schemas';
import {
  DesktopNotificationEvent,
  ListNotificationDeliveriesRequest,
  NotificationDeliveryList,
} from './notification-schemas';
import { GetInsightsRequest, Insights } from './insights-schemas';
import { Health } from './health-schemas';
import { ConsentState, ForgetMeRequest, SetConsentRequest, TelemetryConfig } from '../telemetry/consent';

interface RequestSpec {
  readonly request: z.ZodType;
  readonly response: z.ZodType;
  /**
   * The request changes something (acknowledges, saves settings or consent). Main authorises every
   * such request centrally before its handler runs: the caller must be allowed to act at all (a LAN
   * wall without the operator token may only read), and while an operator PIN is set it must carry
   * proof (`proof: { pin }` or `proof: { session }` from verifyPin). Its request schema therefore
   * has a `proof` field (`proofField` in operator-proof.ts).
   */
  readonly mutating?: true;
}

export const requests = {
  getAppInfo: { request: EmptyRequest, response: AppInfo },
  getWallSnapshot: { request: EmptyRequest, response: WallSnapshot },
  getConfigStatus: { request: EmptyRequest, response: ConfigStatus },
  getEngineStatus: { request: EmptyRequest, response: EngineStatus },
  listAlarms: { request: EmptyRequest, response: AlarmList },
  acknowledgeAlarm: { request: AcknowledgeAlarmRequest, response: AlarmView, mutating: true },
  acknowledgeAlarms: {
    request: AcknowledgeAlarmsRequest,
    response: AcknowledgeAlarmsResult,
    mutating: true,
  },
  getReport: { request: GetReportRequest, response: Report },
  getShiftHandover: { request: GetShiftHandoverRequest, response: ShiftHandover },
  getAvailabilitySeries: { request: AvailabilitySeriesRequest, response: AvailabilitySeries },
  getRttSeries: { request: RttSeriesRequest, response: RttSeries },
  listOutages: { request: ListOutagesRequest, response: OutageList },
  getEndpointDetail: { request: EndpointDetailRequest, response: EndpointDetail },
  listConfigVersions: { request: EmptyRequest, response: ConfigVersionList },
  getConfigText: { request: EmptyRequest, response: ConfigText },
  getSiteCalendar: { request: EmptyRequest, response: SiteCalendar },
  getSettings: { request: EmptyRequest, response: ConsoleSettings },
  updateSettings: { request: UpdateSettingsRequest, response: ConsoleSettings, mutating: true },
  verifyPin: { request: VerifyPinRequest, response: VerifyPinResult },
  getTelemetryConfig: { request: EmptyRequest, response: TelemetryConfig },
  getConsent: { request: EmptyRequest, response: ConsentState },
  setConsent: { request: SetConsentRequest, response: ConsentState, mutating: true },
  forgetMe: { request: ForgetMeRequest, response: ConsentState, mutating: true },
  listNotificationDeliveries: {
    request: ListNotificationDeliveriesRequest,
    response: NotificationDeliveryList,
  },
  /** Early warnings and maintenance priorities of a window (issue 12); read-only. */
  getInsights: { request: GetInsightsRequest, response: Insights },
  /** Linewatch's own health, the same answer as `GET /healthz` with details (issue 14); read-only. */
  getHealth: { request: EmptyRequest, response: Health },
} as const satisfies Record<string, RequestSpec>;

export const events = {
  /** Batched: one event carries every endpoint whose live state changed since the last batch. */
  endpointStates: EndpointStatesEvent,
  configApplied: ConfigStatus,
  alarmsChanged: AlarmsChangedEvent,
  consentChanged: ConsentState,
  /** A desktop-channel notice for the dashboards to show (the Electron shell shows its own natively). */
  desktopNotification: DesktopNotificationEvent,
  /** Linewatch's own health changed status, or a system alarm was raised or cleared. */
  healthChanged: Health,
} as const satisfies Record<string, z.ZodType>;

export type RequestName = keyof typeof requests;
export type EventName = keyof typeof events;
export type RequestOf<K extends RequestName> = z.input<(typeof requests)[K]['request']>;
export type ResponseOf<K extends RequestName> = z.output<(typeof requests)[K]['response']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const REQUEST_NAMES = Object.keys(requests) as RequestName[];
export type MutatingRequestName = {
  [K in RequestName]: (typeof requests)[K] extends { mutating: true } ? K : never;
}[RequestName];
export const MUTATING_REQUEST_NAMES = REQUEST_NAMES.filter(
  (name): name is MutatingRequestName => 'mutating' in requests[name],
);
export const EVENT_NAMES = Object.keys(events) as EventName[];

export const ERROR_CODES = [
  'bad_request',
  'unknown_method',
  'forbidden_sender',
  'internal',
  'transport',
  'not_found',
  'conflict',
  /** The caller may not do this: no proof while a PIN is set, or a read-only (LAN) connection. */
  'forbidden',
  /** A WebSocket frame that is not a request frame (not JSON, no type, a bad id). */
  'bad_frame',
  /** Too many requests on this connection in a short while. */
  'rate_limited',
  /** Not ready yet (the live insights still learning the stored history): ask again later. */
  'unavailable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export interface ContractError {
  code: ErrorCode;
  message: string;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };

/** IPC channel names are derived, never typed by hand. */
export const requestChannel = (name: RequestName): string => `linewatch:request:${name}`;
export const eventChannel = (name: EventName): string => `linewatch:event:${name}`;

export type Unsubscribe = () => void;
export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void;

/**
 * What a transport offers the renderer: one named method per request returning a Result, plus
 * `on`. The preload's `window.linewatch` and the WebSocket client both satisfy it, and both pass
 * every answer through `checkedResult` (checked-result.ts), so a value is known to match its schema.
 */
export type LinewatchBridge = {
  [K in RequestName]: (request: RequestOf<K>) => Promise<Result<ResponseOf<K>>>;
} & {
  on<E extends EventName>(event: E, listener: EventListener<E>): Unsubscribe;
};

/**
 * Who is asking: one per connection (a WebSocket, an Electron window). Built by the transport in
 * main from what it knows (never from anything the client says about itself); operator sessions
 * and wrong-PIN throttling are kept per caller.
 */
export interface Caller {
  readonly connectionId: string;
  /** False for a LAN connection that has not presented the operator token: it may only read. */
  readonly canMutate: boolean;
  /** For the audit log and log lines, e.g. "websocket 127.0.0.1:53422" or "electron window 1". */
  readonly label: string;
}

/** What main implements: one handler per request, given a request already validated. */
export type ContractHandlers = {
  [K in RequestName]: (
    request: ResponseOfRequest<K>,
    caller: Caller,
  ) => Promise<ResponseOf<K>> | ResponseOf<K>;
};
type ResponseOfRequest<K extends RequestName> = z.output<(typeof requests)[K]['request']>;

/** Something that can push events to every connected renderer (IPC windows or WebSocket clients). */
export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}
