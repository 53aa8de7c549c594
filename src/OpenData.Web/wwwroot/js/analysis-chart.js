// 可视化与分析: draws the server's aggregation (JSON in data-chart) as a pie, bar or line chart with ECharts,
// and exports it as PNG. The page shows the same figures as a table, so the chart is an enhancement only.
import { axisTooltip, escapeHtml } from './safe-text.js';
import { palette } from './chart-colors.js';

// A pie never needs more colours than the palette has: slices after the 11th become 其他.
const PIE_SLICES = palette.length;

function pieData(keys, values) {
  const data = keys.map((k, i) => ({ name: k, value: values[i] })).sort((a, b) => b.value - a.value);
  if (data.length <= PIE_SLICES) return data;
  const rest = data.slice(PIE_SLICES - 1).reduce((sum, d) => sum + d.value, 0);
  return [...data.slice(0, PIE_SLICES - 1), { name: '其他', value: rest }];
}

// Titles and axis names are drawn on the canvas as text (not HTML); tooltips are HTML, so they are escaped.
function option(d) {
  const values = d.values.map((v) => (v === null ? 0 : Number(v)));
  const title = { text: d.title, left: 'center', textStyle: { fontSize: 15 } };
  if (d.type === 'pie') {
    return {
      color: palette, title,
      tooltip: { trigger: 'item', formatter: (p) => `${escapeHtml(p.name)}：${escapeHtml(p.value)} ${escapeHtml(d.yName)}（${escapeHtml(p.percent)}%）` },
      legend: { type: 'scroll', bottom: 0 },
      series: [{ type: 'pie', radius: ['30%', '62%'], center: ['50%', '52%'], name: d.name, data: pieData(d.keys, values),
        label: { formatter: '{b}：{d}%' }, labelLayout: { hideOverlap: true } }],
    };
  }
  return {
    color: palette, title, tooltip: { trigger: 'axis', formatter: axisTooltip }, grid: { left: 70, right: 30, top: 70, bottom: 90 },
    xAxis: { type: 'category', data: d.keys, name: d.xName, nameLocation: 'middle', nameGap: d.keys.length > 8 ? 62 : 30,
      axisLabel: { rotate: d.keys.length > 8 ? 40 : 0, hideOverlap: true } },
    yAxis: { type: 'value', name: d.yName, nameTextStyle: { align: 'left' } },
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
