// 数据图谱: an ECharts force graph from the JSON in [data-graph] (DatasetGraphDto, camelCase). Its title is the
// section's heading right above it (a canvas title would sit on the nodes: the graph fills its box).
// The page lists the same relations as links, so this is an enhancement only.
import { escapeHtml } from './safe-text.js';
import { loadECharts } from './assets.js';
import { palette } from './chart-colors.js';


// On a phone the same graph is drawn smaller and tighter, so that it stays inside its box above the legend.
function option(graph, narrow) {
  const categories = graph.categories.map((name, i) => ({ name, itemStyle: { color: palette[i % palette.length] } }));
  return {
    color: palette,
    // The tooltip is HTML: names come from providers (titles, tags, fields, resources), so escape them.
    tooltip: { formatter: (p) => escapeHtml(p.dataType === 'edge' ? p.data.value : p.data.name) },
    legend: [{ data: graph.categories, bottom: 0, textStyle: { fontSize: 13 } }],
    series: [{
      type: 'graph', layout: 'force', roam: true, draggable: true, categories,
      // Spread enough that names fit between nodes; labels that would still overlap are hidden until hovered.
      top: 10, bottom: narrow ? 80 : 50, zoom: narrow ? 0.7 : 1,
      force: { repulsion: narrow ? 160 : 300, edgeLength: narrow ? [50, 100] : [80, 150], gravity: 0.1, layoutAnimation: false },
      labelLayout: { hideOverlap: true },
      // Labels are drawn on the canvas as plain text (not HTML), so they are shortened but not escaped.
      label: { show: true, position: 'right', fontSize: 12, formatter: (p) => (p.data.name.length > 14 ? p.data.name.slice(0, 14) + '…' : p.data.name) },
      edgeLabel: { show: false },
      lineStyle: { color: '#9aa5b1', width: 1.2, curveness: 0.1 },
      emphasis: { focus: 'adjacency', lineStyle: { width: 2.5 } },
      data: graph.nodes.map((n) => ({ id: n.id, name: n.name, category: n.category, symbolSize: n.symbolSize, link: n.link })),
      links: graph.links.map((l) => ({ source: l.source, target: l.target, value: l.label })),
    }],
  };
}

async function render() {
  const boxes = document.querySelectorAll('[data-graph]:not([data-graph-ready])');
  if (boxes.length === 0) return;
  const echarts = await loadECharts();
  boxes.forEach((box) => {
    box.setAttribute('data-graph-ready', '1');
    const chart = echarts.init(box, null, { renderer: 'canvas' });
    chart.setOption(option(JSON.parse(box.getAttribute('data-graph')), box.clientWidth < 600));
    chart.on('click', (p) => {
      if (p.dataType === 'node' && p.data.link && p.data.id !== 'dataset') window.location.href = p.data.link;
    });
    new ResizeObserver(() => chart.resize()).observe(box);
  });
}

render();
