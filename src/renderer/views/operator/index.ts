// Operator views (alarms, outage log, endpoint detail, line, KPIs, handover, config), registered
// with the app's router. Their styles come with them, so the router needs no extra import.
import type { RouteDef } from '../../app/route-def';
import '../../styles/operator.css';
import '../../styles/operator-parts.css';
import '../../styles/operator-print.css';
import { AlarmsPage } from './AlarmsPage';
import { ConfigPage } from './ConfigPage';
import { EndpointPage } from './EndpointPage';
import { HandoverPage } from './HandoverPage';
import { KpiPage } from './KpiPage';
import { LinePage } from './LinePage';
import { OutagesPage } from './OutagesPage';

export const operatorRoutes: RouteDef[] = [
  { path: 'alarms', title: 'Alarms', component: AlarmsPage, inNav: true },
  { path: 'outages', title: 'Outage log', component: OutagesPage, inNav: true },
  { path: 'kpis', title: 'KPIs', component: KpiPage, inNav: true, kiosk: true },
  { path: 'handover', title: 'Handover', component: HandoverPage, inNav: true },
  { path: 'config', title: 'Config', component: ConfigPage, inNav: true },
  { path: 'endpoint', title: 'Device', component: EndpointPage, inNav: false },
  { path: 'line-detail', title: 'Line', component: LinePage, inNav: false },
];
