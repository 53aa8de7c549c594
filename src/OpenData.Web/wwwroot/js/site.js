// Progressive enhancements only: every page works without this file.
// Copy buttons: <button data-copy="#id">.
document.addEventListener('click', (e) => {
  const btn = e.target.closest('[data-copy]');
  if (!btn) return;
  const el = document.querySelector(btn.getAttribute('data-copy'));
  if (el && navigator.clipboard) {
    navigator.clipboard.writeText(el.textContent.trim()).then(() => { btn.textContent = '已复制'; });
  }
});

// <details data-open-wide>: folded on a phone, open where there is room for it (the manual's table of contents).
const wide = window.matchMedia('(min-width: 992px)');
const unfold = () => document.querySelectorAll('details[data-open-wide]').forEach((d) => { d.open = wide.matches; });
unfold();
wide.addEventListener('change', unfold);
