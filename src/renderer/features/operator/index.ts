// Operator views (alarms, outage log, endpoint detail, line, KPIs, insights, handover, config), registered
// with the app's router. They are loaded on first visit (their module brings ECharts and their
// styles), so the overview, the default page, parses none of that before its first paint.
import { lazy, type ComponentType } from 'react';
import type { RouteDef } from '../../app/route-def';

type Pages = typeof import('./pages');
type PageProps = { params: string[] };

let loading: Promise<Pages> | null = null;
/** Starts loading the operator pages (once); the router calls it on the first visit to any of them. */
export function loadOperatorPages(): Promise<Pages> {
  loading ??= import('./pages').catch((error: unknown) => {
    loading = null; // a failed load (e.g. the host restarted) is tried again on the next visit
    throw error;
  });
  return loading;
}

const page = (name: keyof Pages): ComponentType<PageProps> =>
  lazy(async () => ({ default: (await loadOperatorPages())[name] as ComponentType<PageProps> }));

export const operatorRoutes: RouteDef[] = [
  { path: 'alarms', title: 'Alarms', component: page('AlarmsPage'), inNav: true },
  { path: 'outages', title: 'Outage log', component: page('OutagesPage'), inNav: true },
  { path: 'kpis', title: 'KPIs', component: page('KpiPage'), inNav: true, kiosk: true },
  { path: 'insights', title: 'Insights', component: page('InsightsPage'), inNav: true, kiosk: true },
  { path: 'handover', title: 'Handover', component: page('HandoverPage'), inNav: true },
  { path: 'config', title: 'Config', component: page('ConfigPage'), inNav: true },
  { path: 'endpoint', title: 'Device', component: page('EndpointPage'), inNav: false },
  { path: 'line-detail', title: 'Line', component: page('LinePage'), inNav: false },
];
