import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent, type GridComponentOption, type TooltipComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect } from 'react';
import { useEChart } from './useEChart.ts';

// Only what a bar chart needs, so the charts chunk stays small.
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

type Option = echarts.ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

/** One bar: its label, its value (null: no denominator, drawn as no bar) and what the tooltip adds under the label. */
export interface Bar {
  label: string;
  value: number | null;
  detail: string;
}

const ROW_HEIGHT = 36;
const MARGIN = 48;

/**
 * A horizontal bar chart of a drill-down (ECharts on a canvas). It is a picture of the table
 * beside it, which carries the same figures for keyboards and screen readers; a click on a bar
 * reports the bar's index.
 */
export default function FigureChart({ bars, percent, ariaLabel, onSelect }: { bars: readonly Bar[]; percent: boolean; ariaLabel: string; onSelect?: (index: number) => void }) {
  const { host, chart } = useEChart(onSelect);

  useEffect(() => {
    const option: Option = {
      grid: { left: 8, right: 48, top: 8, bottom: 24 },
      tooltip: {
        trigger: 'item',
        formatter: (params) => {
          const bar = Array.isArray(params) ? undefined : bars[params.dataIndex];
          return bar ? `${echarts.format.encodeHTML(bar.label)}<br/>${echarts.format.encodeHTML(bar.detail)}` : '';
        },
      },
      xAxis: { type: 'value', max: percent ? 100 : undefined, axisLabel: { formatter: percent ? '{value}%' : '{value}' } },
      yAxis: { type: 'category', inverse: true, data: bars.map((bar) => bar.label), axisLabel: { width: 180, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          data: bars.map((bar) => bar.value),
          barMaxWidth: 22,
          itemStyle: { color: '#1664ff' },
          label: { show: true, position: 'right', formatter: (params) => (params.value === null || params.value === undefined ? '—' : `${String(params.value)}${percent ? '%' : ''}`) },
        },
      ],
    };
    chart.current?.setOption(option, true);
    chart.current?.resize();
  }, [bars, percent]);

  return <div ref={host} role="img" aria-label={ariaLabel} className="evaluator-chart" style={{ height: Math.max(bars.length, 2) * ROW_HEIGHT + MARGIN }} />;
}
