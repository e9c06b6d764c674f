// The parts of ECharts the console uses, registered once. Importing from the package root would
// pull every chart type and component into the bundle; this keeps it to what is drawn here.
import { BarChart, LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import { init, use as registerParts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

registerParts([
  LineChart,
  BarChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  // The warning bands on the RTT chart are mark areas: without this ECharts silently drops them.
  MarkAreaComponent,
  CanvasRenderer,
]);

export { init };
export type { EChartsCoreOption, EChartsType } from 'echarts/core';
