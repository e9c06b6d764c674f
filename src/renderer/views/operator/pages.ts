// The operator pages and their styles in one module, loaded on first use (see index.ts): they bring
// ECharts and the report views, which the overview and the tile wall never need.
import '../../styles/operator.css';
import '../../styles/operator-parts.css';
import '../../styles/operator-print.css';

export { AlarmsPage } from './AlarmsPage';
export { ConfigPage } from './ConfigPage';
export { EndpointPage } from './EndpointPage';
export { HandoverPage } from './HandoverPage';
export { KpiPage } from './KpiPage';
export { LinePage } from './LinePage';
export { OutagesPage } from './OutagesPage';
