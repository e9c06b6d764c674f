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

/** Registers one handler per contract request; returns the function that removes them all. */
export function bindContract(
  ipcMain: IpcMainLike,
  handlers: ContractHandlers,
  senderCheck: SenderCheck = isTrustedSender,
): () => void {
  const channels = REQUEST_NAMES.map((name) => {
    const channel = requestChannel(name);
    ipcMain.handle(channel, async (event, payload) => {
      if (!senderCheck(event)) {
        return failure('forbidden_sender', `${name} refused: the sender is not the Linewatch window`);
      }
      return dispatchRequest(handlers, name, payload, windowCaller(event.sender.id));
    });
    return channel;
  });
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
