// 可视化与分析: draws the server's aggregation (JSON in data-chart) as a pie, bar or line chart with ECharts,
// and exports it as PNG. The page shows the same figures as a table, so the chart is an enhancement only.
import { axisTooltip, escapeHtml } from './safe-text.js';

const palette = ['#0b4ea2', '#2e7d32', '#8a4b00', '#6a3fb5', '#00838f', '#c2185b', '#5d6d7e', '#d35400'];

function option(d) {
  const values = d.values.map((v) => (v === null ? 0 : Number(v)));
  if (d.type === 'pie') {
    return {
      color: palette, tooltip: { trigger: 'item', formatter: (p) => `${escapeHtml(p.name)}：${escapeHtml(p.value)}（${escapeHtml(p.percent)}%）` },
      legend: { type: 'scroll', bottom: 0 },
      series: [{ type: 'pie', radius: ['30%', '65%'], name: d.name, data: d.keys.map((k, i) => ({ name: k, value: values[i] })) }],
    };
  }
  return {
    color: palette, tooltip: { trigger: 'axis', formatter: axisTooltip }, grid: { left: 60, right: 20, bottom: 80 },
    xAxis: { type: 'category', data: d.keys, axisLabel: { rotate: d.keys.length > 8 ? 40 : 0 } },
    yAxis: { type: 'value' },
    series: [{ type: d.type === 'line' ? 'line' : 'bar', name: d.name, data: values, smooth: d.type === 'line' }],
  };
}

function render() {
  if (!window.echarts) return;
  document.querySelectorAll('[data-chart]:not([data-chart-ready])').forEach((box) => {
    box.setAttribute('data-chart-ready', '1');
    const chart = window.echarts.init(box, null, { renderer: 'canvas' });
    chart.setOption(option(JSON.parse(box.getAttribute('data-chart'))));
    new ResizeObserver(() => chart.resize()).observe(box);
  });
  document.querySelectorAll('[data-chart-png]:not([data-png-ready])').forEach((button) => {
    button.setAttribute('data-png-ready', '1');
    button.addEventListener('click', () => {
      const chart = window.echarts.getInstanceByDom(document.getElementById(button.getAttribute('data-chart-png')));
      if (!chart) return;
      const a = document.createElement('a');
      a.href = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
      a.download = '数据分析图表.png';
      document.body.appendChild(a);
      a.click();
      a.remove();
    });
  });
}

render();
if (window.Blazor?.addEventListener) window.Blazor.addEventListener('enhancedload', render);
