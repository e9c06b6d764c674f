/// <reference types="vite/client" />
import type { LinewatchBridge } from '../shared/contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent when the page is served by the headless host. */
    linewatch?: LinewatchBridge;
  }
}
