// The operator pages and their styles in one module, loaded on first use (see index.ts): they bring
// ECharts and the report views, which the overview and the tile wall never need.
import './operator.css';
import './operator-parts.css';
import './operator-print.css';

export { AlarmsPage } from '../alarms/AlarmsPage';
export { ConfigPage } from './config/ConfigPage';
export { EndpointPage } from './endpoint/EndpointPage';
export { HandoverPage } from './handover/HandoverPage';
export { InsightsPage } from './insights/InsightsPage';
export { KpiPage } from './kpis/KpiPage';
export { LinePage } from './line/LinePage';
export { OutagesPage } from './outages/OutagesPage';
