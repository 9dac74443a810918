import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect } from 'react';
import { useEChart } from '../useEChart.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Option = echarts.ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** A named series of counts, one per month; `line` draws it as a line rather than bars. */
export interface MonthlySeries {
  name: string;
  values: number[];
  line?: boolean;
}

/**
 * Counts per month as grouped bars and lines (ECharts on a canvas), a picture of the table that
 * follows it, which carries the same figures for keyboards and screen readers.
 */
export default function MonthlyChart({ months, series, ariaLabel }: { months: readonly string[]; series: readonly MonthlySeries[]; ariaLabel: string }) {
  const { host, chart } = useEChart();

  useEffect(() => {
    const option: Option = {
      grid: { left: 8, right: 16, top: 36, bottom: 28 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: [...months] },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((s, i) =>
        s.line
          ? { type: 'line', name: s.name, data: s.values, color: '#fa8c16' }
          : { type: 'bar', name: s.name, data: s.values, barMaxWidth: 24, color: i === 0 ? '#1664ff' : '#36b37e' },
      ),
    };
    chart.current?.setOption(option, true);
  }, [months, series]);

  return <div ref={host} role="img" aria-label={ariaLabel} className="evaluator-chart evaluator-monthly-chart" />;
}
