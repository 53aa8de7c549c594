// 开放指数: one ECharts chart per [data-chart] block. The same numbers are in the table beside each chart, so the
// page is complete without JavaScript; every label goes through safe-text.js before it reaches a tooltip.
import { axisTooltip, shortLabel } from './safe-text.js';

// Brand blue, dark amber, green, violet: each at least 4.5:1 on white, so bars and their labels stay readable (WCAG AA).
const palette = ['#0b4ea2', '#a35200', '#0f7b4a', '#6a3fb5'];
const text = '#1f2933';

for (const el of document.querySelectorAll('[data-chart]')) {
  if (!window.echarts) break;
  const spec = JSON.parse(el.dataset.chart || '{}');
  if (!spec.labels || spec.labels.length === 0) continue;
  const horizontal = spec.kind === 'bar';
  const category = {
    type: 'category',
    data: horizontal ? [...spec.labels].reverse() : spec.labels,
    axisLabel: { color: text, formatter: (v) => shortLabel(v, horizontal ? 10 : 8), interval: horizontal ? 0 : 'auto' },
  };
  const value = { type: 'value', name: spec.unit, nameTextStyle: { color: text }, axisLabel: { color: text }, minInterval: spec.unit === '%' ? 0 : 1 };
  if (horizontal) el.style.height = `${Math.max(220, spec.labels.length * 26 * Math.max(1, spec.series.length / 1.5) + 70)}px`;
  const chart = window.echarts.init(el);
  chart.setOption({
    color: palette,
    textStyle: { color: text, fontFamily: '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif' },
    legend: spec.series.length > 1 ? { top: 0, textStyle: { color: text } } : undefined,
    grid: { left: 8, right: 24, top: spec.series.length > 1 ? 36 : 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: axisTooltip },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: spec.series.map((s) => ({
      name: s.name,
      type: spec.kind === 'line' ? 'line' : 'bar',
      data: horizontal ? [...s.data].reverse() : s.data,
      barMaxWidth: 28,
      smooth: spec.kind === 'line',
    })),
  });
  window.addEventListener('resize', () => chart.resize());
}
