import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartSpec } from './content.ts';

echarts.use([BarChart, GridComponent, LegendComponent, SVGRenderer]);

/** CJK fonts looked for (fonts-noto-cjk on Debian/Ubuntu); PROCURA_CHART_FONT names another. */
const fontCandidates = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
];
const fontFamily = 'Noto Sans CJK SC';

function chartFonts(): { fontFiles: string[]; loadSystemFonts: boolean } {
  const configured = process.env.PROCURA_CHART_FONT;
  const files = [configured, ...fontCandidates].filter((f): f is string => !!f && existsSync(f));
  // Without a CJK font file, fall back to the system's fonts (the labels may then lack glyphs).
  return files.length
    ? { fontFiles: files.slice(0, 1), loadSystemFonts: false }
    : { fontFiles: [], loadSystemFonts: true };
}

export const chartSize = { width: 800, height: 400 } as const;

/** The chart as SVG, by ECharts' server-side renderer: bars of the period and of last year. */
export function chartSvg(chart: ChartSpec): string {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, ...chartSize });
  instance.setOption({
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily },
    color: ['#1677ff', '#bfbfbf'],
    legend: { top: 8, data: ['本期', '去年同期'] },
    grid: { left: 64, right: 24, top: 48, bottom: 72 },
    xAxis: {
      type: 'category',
      data: chart.categories,
      axisLabel: { interval: 0, rotate: chart.categories.length > 5 ? 30 : 0, fontSize: 12 },
    },
    yAxis: { type: 'value', name: chart.unit, minInterval: 1 },
    series: [
      { name: '本期', type: 'bar', data: chart.current, label: { show: true, position: 'top' } },
      { name: '去年同期', type: 'bar', data: chart.previous },
    ],
  });
  const svg = instance.renderToSVGString();
  instance.dispose();
  return svg;
}

/** The chart as PNG (twice the size, for print), with the CJK font passed to resvg. */
export function renderChartPng(chart: ChartSpec): Buffer {
  const resvg = new Resvg(chartSvg(chart), {
    font: { ...chartFonts(), defaultFontFamily: fontFamily },
    fitTo: { mode: 'width', value: chartSize.width * 2 },
  });
  return resvg.render().asPng();
}
