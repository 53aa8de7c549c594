// The one way page scripts put data into HTML strings (ECharts formatters and rich labels, Leaflet popups):
// every value a chart or map shows came from a provider, a user or a file, so it is escaped here first.
const map = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => map[c]);
}

// Shortens for a label and escapes the result (ECharts renders rich/HTML tooltips as markup).
export function shortLabel(value, max = 14) {
  const s = String(value ?? '');
  return escapeHtml(s.length > max ? s.slice(0, max) + '…' : s);
}

// Tooltip for trigger 'axis' charts: our own formatter rather than ECharts' default, so that every category
// and series name is escaped here whatever the library version does. p.marker is ECharts' own colour dot.
export function axisTooltip(params) {
  const list = Array.isArray(params) ? params : [params];
  if (list.length === 0) return '';
  const head = escapeHtml(list[0].axisValueLabel ?? list[0].name);
  return head + list.map((p) => `<br>${p.marker ?? ''}${escapeHtml(p.seriesName)}：${escapeHtml(p.value)}`).join('');
}
