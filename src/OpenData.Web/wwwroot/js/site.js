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
