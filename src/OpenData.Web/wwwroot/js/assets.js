// Fingerprinted URLs of the libraries a page script loads on demand (ECharts, Leaflet): the pages that need them
// write them into [data-asset-urls] (LibraryUrls.razor) from the static assets manifest, so they are cached
// immutable like every other asset. A page may carry several blocks (a dataset's graph and its map).
let urls;

export function assetUrl(path) {
  urls ??= Object.assign({}, ...[...document.querySelectorAll('script[data-asset-urls]')].map((s) => JSON.parse(s.textContent || '{}')));
  return '/' + (urls[path] ?? path);
}

export function loadScript(path, ready) {
  if (ready()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = assetUrl(path);
    s.onload = resolve;
    s.onerror = reject;
    document.head.appendChild(s);
  });
}

export function loadCss(path) {
  const href = assetUrl(path);
  if (document.querySelector(`link[href="${href}"]`)) return;
  const l = document.createElement('link');
  l.rel = 'stylesheet';
  l.href = href;
  document.head.appendChild(l);
}

// ECharts is 1.1 MB (~370 KB compressed): only pages that draw a chart load it, when they draw.
export function loadECharts() {
  return loadScript('lib/echarts/echarts.min.js', () => !!window.echarts).then(() => window.echarts);
}
