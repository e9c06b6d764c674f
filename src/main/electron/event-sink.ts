// Pushes contract events to the renderers. Windows come and go (reload, macOS re-activate), so the
// list is read at each emit rather than captured once.
import { BrowserWindow } from 'electron';
import { eventChannel, type EventName, type EventPayload, type EventSink } from '../../shared/contract';

export interface EventTargetWindow {
  isDestroyed(): boolean;
  readonly webContents: { isDestroyed(): boolean; send(channel: string, payload: unknown): void };
}

export function createWindowEventSink(
  listWindows: () => readonly EventTargetWindow[] = () => BrowserWindow.getAllWindows(),
): EventSink {
  return {
    emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
      const channel = eventChannel(event);
      for (const window of listWindows()) {
        // A window closing between list and send would throw inside the services' timer.
        if (window.isDestroyed() || window.webContents.isDestroyed()) continue;
        window.webContents.send(channel, payload);
      }
    },
  };
}
