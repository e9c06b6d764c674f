// A page of the console, reachable as `#/<path>` (hash routing works the same under the app://
// scheme and over HTTP from the headless host).
import type { ComponentType } from 'react';

export interface RouteDef {
  /** First path segment, e.g. 'alarms' for `#/alarms`; the rest of the hash is passed as `params`. */
  path: string;
  title: string;
  component: ComponentType<{ params: string[] }>;
  /** Shown in the navigation bar (detail pages are reached by links instead). */
  inNav: boolean;
  /** Part of the kiosk rotation (read-only wall pages). */
  kiosk?: boolean;
}
