// Daily calls of one developer app: reads the JSON the page embedded and draws a line chart.
import { axisTooltip } from './safe-text.js';

const el = document.getElementById('app-calls-chart');
const data = JSON.parse(document.getElementById('app-calls-data')?.textContent || '[]');
if (el && window.echarts) {
  const blue = getComputedStyle(document.documentElement).getPropertyValue('--odp-blue').trim() || '#0b4ea2';
  const chart = window.echarts.init(el);
  chart.setOption({
    color: [blue, '#c0392b'],
    title: { text: '每日调用次数', left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis', formatter: axisTooltip },
    legend: { data: ['调用次数', '失败次数'], top: 24 },
    grid: { left: 48, right: 16, top: 64, bottom: 44 },
    xAxis: { type: 'category', name: '日期', nameLocation: 'middle', nameGap: 28, data: data.map(d => d.day.slice(5)) },
    yAxis: { type: 'value', name: '次数（次）', minInterval: 1 },
    series: [
      { name: '调用次数', type: 'line', smooth: true, data: data.map(d => d.calls) },
      { name: '失败次数', type: 'line', smooth: true, data: data.map(d => d.errors) },
    ],
  });
  window.addEventListener('resize', () => chart.resize());
}
