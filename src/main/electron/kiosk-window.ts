// Applies kiosk mode with the real Electron APIs: picks the display, removes the application menu,
// keeps the screen awake for as long as the window lives. Kept apart from kiosk.ts so the pure
// parts stay testable without these modules.
import { Menu, powerSaveBlocker, screen, type BrowserWindowConstructorOptions } from 'electron';
import { chooseDisplayBounds, kioskWindowOptions } from './kiosk';

/** Window options for the display at `displayIndex` (null or absent: the primary display). */
export function kioskWindowOptionsFor(displayIndex: number | null): BrowserWindowConstructorOptions {
  const bounds = chooseDisplayBounds(screen.getAllDisplays(), screen.getPrimaryDisplay(), displayIndex);
  return kioskWindowOptions(bounds);
}

/** Returns the function that releases the display again (when the window closes). */
export function enterKioskSession(): () => void {
  // No menu means no accelerators either: Ctrl+R, Ctrl+W and the dev tools are gone from the wall.
  Menu.setApplicationMenu(null);
  const blocker = powerSaveBlocker.start('prevent-display-sleep');
  return () => {
    if (powerSaveBlocker.isStarted(blocker)) powerSaveBlocker.stop(blocker);
  };
}
