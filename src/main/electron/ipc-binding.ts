// Binds the typed contract to ipcMain. The channel list comes from the contract itself, so a new
// entry is served the moment it is declared, and nothing outside the contract is ever served.
import type { IpcMain } from 'electron';
import {
  REQUEST_NAMES,
  dispatchRequest,
  failure,
  requestChannel,
  type Caller,
  type ContractHandlers,
  type Result,
} from '../../shared/contract';
import { createKeyedRateLimiter, DEFAULT_RATE_LIMITS, type RateLimits } from '../host/rate-limit';
import { isAppUrl } from './app-protocol';

/** The parts of an invoke event we look at; the real IpcMainInvokeEvent satisfies it. */
export interface SenderFrameLike {
  readonly url: string;
  readonly parent: unknown;
}
export interface InvokeEventLike {
  readonly senderFrame: SenderFrameLike | null;
  /** The window's webContents: one caller (sessions, PIN throttling) per window. */
  readonly sender: { readonly id: number };
}

/** The caller of a request from one of our windows: local, so it may act (with the PIN if set). */
export const windowCaller = (webContentsId: number): Caller => ({
  connectionId: `ipc:${webContentsId}`,
  canMutate: true,
  label: `electron window ${webContentsId}`,
});

export type SenderCheck = (event: InvokeEventLike) => boolean;

/**
 * Only our own top-level page may call main. An iframe (even an app:// one) or a page that got
 * navigated elsewhere would otherwise inherit full access through the preload.
 */
export function isTrustedSender(event: InvokeEventLike): boolean {
  try {
    const frame = event.senderFrame;
    return frame !== null && frame.parent === null && isAppUrl(frame.url);
  } catch {
    // Accessing a frame that was disposed mid-request throws: treat it as untrusted.
    return false;
  }
}

type IpcMainLike = Pick<IpcMain, 'removeHandler'> & {
  handle(
    channel: string,
    listener: (event: InvokeEventLike, payload: unknown) => Promise<Result<unknown>>,
  ): void;
};

export interface BindOptions {
  senderCheck?: SenderCheck;
  /** Per-window request rate limits, the same as the WebSocket host's by default. */
  limits?: RateLimits;
  /** Monotonic milliseconds for the rate limiter; injectable for tests. */
  now?: () => number;
}

export interface ContractBinding {
  /** Removes every handler. */
  unbind(): void;
  /** A window's webContents is gone: forget its rate limit (its sessions are the services'). */
  windowClosed(webContentsId: number): void;
}

/** Registers one handler per contract request. */
export function bindContract(
  ipcMain: IpcMainLike,
  handlers: ContractHandlers,
  options: BindOptions = {},
): ContractBinding {
  const senderCheck = options.senderCheck ?? isTrustedSender;
  // A renderer stuck in a loop must not starve the engine: the same limits as a WebSocket client.
  // There is no connection to close here, so abuse is answered like any other excess request.
  const limiter = createKeyedRateLimiter(options.limits ?? DEFAULT_RATE_LIMITS, options.now);
  const channels = REQUEST_NAMES.map((name) => {
    const channel = requestChannel(name);
    ipcMain.handle(channel, async (event, payload) => {
      if (!senderCheck(event)) {
        return failure('forbidden_sender', `${name} refused: the sender is not the Linewatch window`);
      }
      const caller = windowCaller(event.sender.id);
      if (limiter.take(caller.connectionId) !== 'allow') {
        return failure(
          'rate_limited',
          `${name} refused: too many requests from this window; try again shortly`,
        );
      }
      return dispatchRequest(handlers, name, payload, caller);
    });
    return channel;
  });
  return {
    unbind() {
      for (const channel of channels) ipcMain.removeHandler(channel);
    },
    windowClosed: (webContentsId) => limiter.forget(windowCaller(webContentsId).connectionId),
  };
}
