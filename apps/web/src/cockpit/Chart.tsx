import { BarChart, FunnelChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the parts used: the whole of ECharts would be one 2 MB chunk.
echarts.use([
  BarChart,
  FunnelChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

/** The colours of the antd theme (Providers.tsx: colorPrimary #1f4e9c) and its palette after it. */
export const palette = [
  '#1f4e9c',
  '#52c41a',
  '#faad14',
  '#f5222d',
  '#13c2c2',
  '#722ed1',
  '#eb2f96',
  '#fa8c16',
  '#2f54eb',
  '#a0d911',
];

export type TChartClick = { seriesIndex: number; dataIndex: number };

/**
 * One ECharts chart. `onClick` receives the segment clicked. The pixel centre of each bar is
 * written in `data-bars` (series, index, x, y), so a browser test can click a bar as a user does.
 */
export function Chart(props: {
  option: echarts.EChartsCoreOption;
  height: number;
  onClick?: (click: TChartClick) => void;
  testId: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  const onClick = useRef(props.onClick);
  onClick.current = props.onClick;
  const option = useRef(props.option);
  option.current = props.option;
  // Drawn again when the option's content changes, not on every render of the page.
  const signature = JSON.stringify(props.option);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the signature stands for the option
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current);
    chart.setOption({ color: palette, textStyle: { fontFamily: 'inherit' }, ...option.current });
    chart.on('click', (params) => {
      onClick.current?.({ seriesIndex: params.seriesIndex ?? 0, dataIndex: params.dataIndex });
    });
    const markBars = () => {
      const series = (option.current.series ?? []) as { type?: string; data?: unknown[]; stack?: string }[];
      const horizontal = (option.current.yAxis as { type?: string } | undefined)?.type === 'category';
      const bars: { series: number; index: number; x: number; y: number }[] = [];
      const base = new Map<number, number>();
      series.forEach((s, seriesIndex) => {
        if (s.type !== 'bar') return;
        (s.data ?? []).forEach((raw, index) => {
          const value = Number(
            typeof raw === 'object' && raw !== null ? (raw as { value: number }).value : raw,
          );
          if (!value) return;
          const below = s.stack ? (base.get(index) ?? 0) : 0;
          if (s.stack) base.set(index, below + value);
          const point = chart.convertToPixel(
            { seriesIndex },
            horizontal ? [below + value / 2, index] : [index, below + value / 2],
          ) as number[] | undefined;
          if (point)
            bars.push({ series: seriesIndex, index, x: Math.round(point[0]!), y: Math.round(point[1]!) });
        });
      });
      element.current?.setAttribute('data-bars', JSON.stringify(bars));
    };
    chart.on('finished', markBars);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [signature]);
  return <div ref={element} style={{ width: '100%', height: props.height }} data-testid={props.testId} />;
}
