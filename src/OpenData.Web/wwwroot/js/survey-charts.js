// Survey results: one bar chart per choice question, from the JSON block the page renders.
import { axisTooltip } from './safe-text.js';

// The same numbers are in the table under each chart, so nothing is lost without JavaScript.
const data = JSON.parse(document.getElementById('survey-results')?.textContent || '[]');
const blue = getComputedStyle(document.documentElement).getPropertyValue('--odp-blue').trim() || '#0b4a8b';

for (const q of data) {
  const el = document.querySelector(`[data-chart-for="${q.id}"]`);
  if (!el || !window.echarts) continue;
  const chart = window.echarts.init(el);
  chart.setOption({
    color: [blue],
    title: { text: q.title, textStyle: { fontSize: 14 } },
    grid: { left: 40, right: 20, top: 48, bottom: 48 },
    tooltip: { trigger: 'axis', formatter: axisTooltip },
    xAxis: { type: 'category', name: '选项', nameLocation: 'middle', nameGap: 28, data: q.labels, axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: { type: 'value', name: '人数（人）', minInterval: 1 },
    series: [{ type: 'bar', data: q.values, barMaxWidth: 48, label: { show: true, position: 'top' } }],
  });
  window.addEventListener('resize', () => chart.resize());
}
