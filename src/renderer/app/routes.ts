// Every page of the console: the wall pages, the operator views and Settings, and the kiosk
// rotation built from them (the `kiosk: true` pages, then one tile wall per line).
import { createElement } from 'react';
import type { WallLine } from '../../shared/contract';
import { OverviewPage } from '../features/overview/OverviewPage';
import { operatorRoutes } from '../features/operator';
import { SettingsPage } from '../features/settings/SettingsPage';
import { WallPage } from '../features/wall/WallPage';
import type { RouteDef } from './route-def';
import { routeHref } from './router';

export const DEFAULT_PATH = 'overview';

const wallRoutes: RouteDef[] = [
  { path: 'overview', title: 'Overview', component: OverviewPage, inNav: true, kiosk: true },
  { path: 'wall', title: 'All devices', component: () => createElement(WallPage), inNav: true },
  {
    path: 'line',
    title: 'Line',
    component: ({ params }) => createElement(WallPage, { lineId: params[0] ?? '' }),
    inNav: false,
  },
];
const settingsRoute: RouteDef = { path: 'settings', title: 'Settings', component: SettingsPage, inNav: true };

/** In navigation order: the wall pages, the operator views, Settings last. */
export const ROUTES: readonly RouteDef[] = [...wallRoutes, ...operatorRoutes, settingsRoute];

export function findRoute(path: string): RouteDef | undefined {
  return ROUTES.find((route) => route.path === (path === '' ? DEFAULT_PATH : path));
}

/** Hashes of the kiosk rotation: the kiosk pages (overview first), then `#/line/<id>` per line. */
export function rotationPages(routes: readonly RouteDef[], lines: readonly WallLine[]): string[] {
  const kioskPages = routes
    .filter((route) => route.kiosk && route.path !== 'line')
    .map((route) => routeHref(route.path));
  return [...kioskPages, ...lines.map((line) => routeHref('line', line.id))];
}
