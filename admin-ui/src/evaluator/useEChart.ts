import * as echarts from 'echarts/core';
import { useEffect, useRef } from 'react';

/**
 * An ECharts instance on the returned host element, resized with it and disposed with the
 * component; `onClick` gets the clicked item's data index. Set options through `chart.current`.
 */
export function useEChart(onClick?: (dataIndex: number) => void) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const instance = echarts.init(host.current!);
    chart.current = instance;
    instance.on('click', (event) => click.current?.(event.dataIndex));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(host.current!);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  return { host, chart };
}
