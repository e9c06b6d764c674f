// The sandboxed preload: the renderer's only door to main. One named method per contract request
// and `on` for events. Deliberately no generic `invoke(channel)` and no raw ipcRenderer, so a
// compromised page can reach exactly what the contract offers and nothing else.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  EVENT_NAMES,
  eventChannel,
  requestChannel,
  type EventListener,
  type EventName,
  type EventPayload,
  type LinewatchBridge,
  type RequestName,
  type RequestOf,
  type ResponseOf,
  type Result,
  type Unsubscribe,
} from '../shared/contract/contract';
import { checkedResult } from '../shared/contract/checked-result';

// ipcRenderer.invoke is untyped: its answer is checked against the contract, exactly as the
// WebSocket client checks a response frame, before the page gets it.
async function invoke<K extends RequestName>(name: K, request: RequestOf<K>): Promise<Result<ResponseOf<K>>> {
  return checkedResult(name, await ipcRenderer.invoke(requestChannel(name), request));
}

function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
}

// `satisfies` makes a missing, extra or mistyped entry a compile error, so the bridge cannot
// drift from the contract.
export const bridge = {
  getAppInfo: (request: RequestOf<'getAppInfo'>) => invoke('getAppInfo', request),
  getWallSnapshot: (request: RequestOf<'getWallSnapshot'>) => invoke('getWallSnapshot', request),
  getConfigStatus: (request: RequestOf<'getConfigStatus'>) => invoke('getConfigStatus', request),
  getEngineStatus: (request: RequestOf<'getEngineStatus'>) => invoke('getEngineStatus', request),
  listAlarms: (request: RequestOf<'listAlarms'>) => invoke('listAlarms', request),
  listNotificationDeliveries: (request: RequestOf<'listNotificationDeliveries'>) =>
    invoke('listNotificationDeliveries', request),
  acknowledgeAlarm: (request: RequestOf<'acknowledgeAlarm'>) => invoke('acknowledgeAlarm', request),
  acknowledgeAlarms: (request: RequestOf<'acknowledgeAlarms'>) => invoke('acknowledgeAlarms', request),
  getReport: (request: RequestOf<'getReport'>) => invoke('getReport', request),
  getShiftHandover: (request: RequestOf<'getShiftHandover'>) => invoke('getShiftHandover', request),
  getAvailabilitySeries: (request: RequestOf<'getAvailabilitySeries'>) =>
    invoke('getAvailabilitySeries', request),
  getRttSeries: (request: RequestOf<'getRttSeries'>) => invoke('getRttSeries', request),
  listOutages: (request: RequestOf<'listOutages'>) => invoke('listOutages', request),
  getEndpointDetail: (request: RequestOf<'getEndpointDetail'>) => invoke('getEndpointDetail', request),
  listConfigVersions: (request: RequestOf<'listConfigVersions'>) => invoke('listConfigVersions', request),
  getConfigText: (request: RequestOf<'getConfigText'>) => invoke('getConfigText', request),
  getSiteCalendar: (request: RequestOf<'getSiteCalendar'>) => invoke('getSiteCalendar', request),
  getSettings: (request: RequestOf<'getSettings'>) => invoke('getSettings', request),
  updateSettings: (request: RequestOf<'updateSettings'>) => invoke('updateSettings', request),
  verifyPin: (request: RequestOf<'verifyPin'>) => invoke('verifyPin', request),
  getTelemetryConfig: (request: RequestOf<'getTelemetryConfig'>) => invoke('getTelemetryConfig', request),
  getConsent: (request: RequestOf<'getConsent'>) => invoke('getConsent', request),
  setConsent: (request: RequestOf<'setConsent'>) => invoke('setConsent', request),
  forgetMe: (request: RequestOf<'forgetMe'>) => invoke('forgetMe', request),
  getInsights: (request: RequestOf<'getInsights'>) => invoke('getInsights', request),
  getHealth: (request: RequestOf<'getHealth'>) => invoke('getHealth', request),

  on<E extends EventName>(event: E, listener: EventListener<E>): Unsubscribe {
    // The page is untrusted: check at runtime what the types only promise.
    if (!isEventName(event)) throw new Error(`linewatch.on: unknown event "${String(event)}"`);
    if (typeof listener !== 'function') throw new Error('linewatch.on: listener must be a function');
    const channel = eventChannel(event);
    // Only the payload crosses over; the IpcRendererEvent carries `sender` (ipcRenderer itself).
    const forward = (_event: IpcRendererEvent, payload: EventPayload<E>): void => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
} satisfies LinewatchBridge;

contextBridge.exposeInMainWorld('linewatch', bridge);
