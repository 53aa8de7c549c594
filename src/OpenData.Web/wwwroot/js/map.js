// 地图服务: one Leaflet map (vendored, no CDN) booted from the JSON in [data-map]. Layers come from
// /api/v1/datasets/{slug}/resources/{id}/geojson in the base map's coordinate system; large layers arrive thinned
// by the server and are fetched again for each view. Popups are built from DOM nodes with textContent; the only
// HTML strings (tooltips, cluster icons) go through escapeHtml.
import { escapeHtml } from './safe-text.js';
import { loadCss, loadScript } from './assets.js';

const LIMIT = 2000;

async function loadLeaflet() {
  ['lib/leaflet/leaflet.css', 'lib/leaflet.markercluster/MarkerCluster.css', 'lib/leaflet.markercluster/MarkerCluster.Default.css', 'css/map.css'].forEach(loadCss);
  await loadScript('lib/leaflet/leaflet.js', () => !!window.L);
  await loadScript('lib/leaflet.markercluster/leaflet.markercluster.js', () => !!window.L?.markerClusterGroup);
  return window.L;
}

// The row's name for a marker's title (read by screen readers): the first field that looks like a name.
function nameOf(props) {
  const entries = Object.entries(props || {});
  const named = entries.find(([k, v]) => /名称|名字|name/i.test(k) && v != null && v !== '');
  const first = named || entries.find(([, v]) => typeof v === 'string' && v.length > 0);
  return first ? String(first[1]) : '';
}

function popupNode(props, layer) {
  const root = document.createElement('div');
  root.className = 'map-popup';
  const h = document.createElement('h3');
  h.textContent = layer.title;
  root.appendChild(h);
  const table = document.createElement('table');
  Object.entries(props || {}).filter(([k]) => !k.startsWith('_')).slice(0, 30).forEach(([k, v]) => {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = k;
    const td = document.createElement('td');
    td.textContent = v == null ? '' : (typeof v === 'object' ? JSON.stringify(v) : String(v));
    tr.append(th, td);
    table.appendChild(tr);
  });
  root.appendChild(table);
  const a = document.createElement('a');
  a.href = `/datasets/${encodeURIComponent(layer.slug)}`;
  a.textContent = '查看数据集';
  root.appendChild(a);
  return root;
}

function dotIcon(L, color) {
  return L.divIcon({ className: 'map-dot', html: `<span style="background:${escapeHtml(color)}"></span>`, iconSize: [14, 14], iconAnchor: [7, 7], popupAnchor: [0, -6] });
}

function countIcon(L, color, count) {
  const size = count < 100 ? 30 : count < 1000 ? 36 : 44;
  return L.divIcon({
    className: 'map-count', iconSize: [size, size],
    html: `<span style="background:${escapeHtml(color)}">${escapeHtml(count)}</span>`,
  });
}

async function boot() {
  const box = document.querySelector('[data-map]:not([data-map-ready])');
  if (!box) return;
  box.setAttribute('data-map-ready', '1');
  const cfg = JSON.parse(box.getAttribute('data-map'));
  const L = await loadLeaflet();
  const status = document.querySelector('[data-map-status]');
  const say = (text) => { if (status) status.textContent = text; };
  // maxZoom on the map itself: without a tile layer Leaflet has none, and markercluster refuses to work.
  // Half-step zooms let the nine counties fill the frame.
  const map = L.map(box, { zoomControl: true, keyboard: true, attributionControl: true, minZoom: 5, maxZoom: 18, zoomSnap: 0.5 });
  map.attributionControl.setPrefix(false);
  if (cfg.tileUrl) {
    L.tileLayer(cfg.tileUrl, { attribution: escapeHtml(cfg.attribution || ''), subdomains: cfg.subdomains > 0 ? '01234567'.slice(0, cfg.subdomains) : 'abc', maxZoom: 18 }).addTo(map);
  } else {
    box.classList.add('map-plain');
  }
  map.setView(cfg.center || [28.3, 119.6], cfg.zoom || 8);
  const byKey = new Map(cfg.layers.map((l) => [l.key, l]));
  const shown = new Map(); // key -> { group, dynamic }

  fetch(`/api/v1/map/boundary?crs=${cfg.crs}`).then((r) => (r.ok ? r.json() : null)).then((fc) => {
    if (!fc) return;
    const b = L.geoJSON(fc, {
      interactive: true,
      style: { color: '#0b4ea2', weight: 1.5, fillColor: '#dbe7f7', fillOpacity: cfg.tileUrl ? 0.05 : 0.45 },
      onEachFeature: (f, layer) => layer.bindTooltip(escapeHtml(f.properties?.label || ''), { sticky: true }),
    }).addTo(map);
    b.bringToBack();
    if (!cfg.center && !cfg.zoom) map.fitBounds(b.getBounds(), { padding: [4, 4] });
  }).catch(() => say('行政区划边界加载失败，数据图层不受影响。'));

  function note(key, text) {
    const li = document.querySelector(`[data-map-legend] li[data-key="${CSS.escape(key)}"] [data-map-note]`);
    if (li) li.textContent = text;
  }

  function describe(layer, fc) {
    const parts = [];
    if (layer.kind === 'geojson') parts.push(`${fc.returned} 个要素`);
    else parts.push(fc.clustered ? `当前视野 ${fc.total} 个点（按区域聚合显示）` : `显示 ${fc.returned} 个点`);
    if (fc.skipped?.outside > 0) parts.push(`${fc.skipped.outside} 条坐标超出中国范围未显示`);
    if (fc.skipped?.invalid > 0) parts.push(`${fc.skipped.invalid} 条${layer.kind === 'geojson' ? '要素无有效几何' : '坐标为空或非数字'}未显示`);
    return parts.join('，');
  }

  async function load(key) {
    const layer = byKey.get(key);
    if (!layer) return;
    const prev = shown.get(key);
    // The zoom sizes the server's clusters; a layer the server had to thin is fetched again per view (bbox).
    const params = new URLSearchParams({ crs: cfg.crs, limit: String(LIMIT), zoom: String(Math.round(map.getZoom())) });
    if (prev?.dynamic) {
      const b = map.getBounds();
      params.set('bbox', [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((n) => n.toFixed(5)).join(','));
    }
    let fc;
    try {
      const r = await fetch(`/api/v1/datasets/${encodeURIComponent(layer.slug)}/resources/${layer.resourceId}/geojson?${params}`);
      fc = await r.json();
      if (!r.ok) { note(key, fc.detail || '图层加载失败'); return; }
    } catch {
      note(key, '图层加载失败，请稍后重试');
      return;
    }
    if (!isActive(key)) return;
    if (shown.get(key)?.group) map.removeLayer(shown.get(key).group);
    const group = layer.kind === 'geojson' ? shapes(L, layer, fc) : points(L, layer, fc);
    group.addTo(map);
    shown.set(key, { group, dynamic: prev?.dynamic || fc.clustered || fc.returned < fc.total });
    note(key, describe(layer, fc));
    say(`已加载图层“${layer.title}”：${describe(layer, fc)}`);
  }

  function points(L, layer, fc) {
    const group = L.markerClusterGroup({
      showCoverageOnHover: false, maxClusterRadius: 50,
      iconCreateFunction: (c) => countIcon(L, layer.color, c.getChildCount()),
    });
    for (const f of fc.features) {
      const [x, y] = f.geometry.coordinates;
      const count = f.properties?._count;
      if (count) {
        const m = L.marker([y, x], { icon: countIcon(L, layer.color, count), title: `${layer.title}：此处 ${count} 个点，按回车放大`, keyboard: true });
        m.on('click', () => map.setView([y, x], Math.min(map.getZoom() + 2, 18)));
        group.addLayer(m);
      } else {
        const name = nameOf(f.properties);
        const m = L.marker([y, x], { icon: dotIcon(L, layer.color), title: name ? `${layer.title}：${name}` : layer.title, alt: name, keyboard: true });
        m.bindPopup(() => popupNode(f.properties, layer), { maxWidth: 320 });
        group.addLayer(m);
      }
    }
    return group;
  }

  function shapes(L, layer, fc) {
    return L.geoJSON(fc, {
      style: { color: layer.color, weight: 2, fillOpacity: 0.2 },
      pointToLayer: (f, latlng) => L.marker(latlng, { icon: dotIcon(L, layer.color), title: nameOf(f.properties) || layer.title, keyboard: true }),
      onEachFeature: (f, l) => l.bindPopup(() => popupNode(f.properties, layer), { maxWidth: 320 }),
    });
  }

  const form = document.querySelector('[data-map-layers]');
  const boxes = () => Array.from(form?.querySelectorAll('input[name="layer"]') || []);
  const isActive = (key) => (cfg.embed ? cfg.active.includes(key) : boxes().some((b) => b.checked && b.value === key));
  const activeKeys = () => (cfg.embed ? cfg.active : boxes().filter((b) => b.checked).map((b) => b.value));

  function legend() {
    const list = document.querySelector('[data-map-legend]');
    if (!list || cfg.embed) return;
    const keys = activeKeys();
    Array.from(list.children).forEach((li) => { if (!keys.includes(li.dataset.key)) li.remove(); });
    for (const key of keys) {
      if (list.querySelector(`li[data-key="${CSS.escape(key)}"]`)) continue;
      const l = byKey.get(key);
      const li = document.createElement('li');
      li.dataset.key = key;
      const sw = document.createElement('span');
      sw.className = 'map-swatch';
      sw.style.background = l.color;
      sw.setAttribute('aria-hidden', 'true');
      const a = document.createElement('a');
      a.href = `/datasets/${encodeURIComponent(l.slug)}`;
      a.textContent = l.title;
      const n = document.createElement('span');
      n.className = 'small text-secondary ms-1';
      n.setAttribute('data-map-note', '');
      li.append(sw, a, n);
      list.appendChild(li);
    }
    document.querySelector('[data-map-empty]')?.toggleAttribute('hidden', keys.length > 0);
  }

  function syncUrl() {
    if (cfg.embed) return;
    const u = new URL(window.location.href);
    u.searchParams.delete('layer');
    u.searchParams.delete('q');
    const keys = activeKeys();
    if (keys.length) u.searchParams.set('layers', keys.join(',')); else u.searchParams.delete('layers');
    const c = map.getCenter();
    u.searchParams.set('c', `${c.lat.toFixed(5)},${c.lng.toFixed(5)}`);
    u.searchParams.set('z', String(map.getZoom()));
    window.history.replaceState(null, '', u);
    const share = document.querySelector('[data-map-share]');
    if (share) share.value = u.href;
  }

  form?.addEventListener('change', (e) => {
    const input = e.target;
    if (input.name !== 'layer') return;
    if (input.checked) load(input.value);
    else {
      if (shown.get(input.value)) map.removeLayer(shown.get(input.value).group);
      shown.delete(input.value);
      say(`已关闭图层“${byKey.get(input.value)?.title ?? ''}”`);
    }
    legend();
    syncUrl();
  });
  form?.addEventListener('submit', (e) => { e.preventDefault(); syncUrl(); });

  const search = document.querySelector('[data-map-search]');
  search?.addEventListener('input', () => {
    const q = search.value.trim().toLowerCase();
    let n = 0;
    form.querySelectorAll('[data-map-item]').forEach((item) => {
      const hit = !q || item.dataset.text.toLowerCase().includes(q) || item.querySelector('input').checked;
      item.hidden = !hit;
      if (hit) n++;
    });
    form.querySelectorAll('[data-map-group]').forEach((g) => { g.hidden = !g.querySelector('[data-map-item]:not([hidden])'); });
    const count = document.querySelector('[data-map-count]');
    if (count) count.textContent = `${n} 个图层${q ? `（搜索“${search.value.trim()}”）` : ''}`;
  });

  document.querySelector('[data-map-copy]')?.addEventListener('click', async () => {
    const share = document.querySelector('[data-map-share]');
    syncUrl();
    try { await navigator.clipboard.writeText(share.value); say('链接已复制'); } catch { share.select(); say('请按 Ctrl+C 复制链接'); }
  });

  let timer;
  map.on('moveend', () => {
    syncUrl();
    clearTimeout(timer);
    timer = setTimeout(() => { for (const [key, s] of shown) if (s.dynamic) load(key); }, 250);
  });

  for (const key of activeKeys()) load(key);
  syncUrl();
  window.odpMap = map; // for tests and the browser console
}

boot();
