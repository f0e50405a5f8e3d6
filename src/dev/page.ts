/**
 * The preview page: every page of every document, refreshed by itself (server-sent events)
 * when a build lands; errors shown in a banner. Plain HTML and a few lines of script.
 */
export function previewHtml(title: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} — aperçu encre</title>
<style>
  body { margin: 0; font: 14px/1.4 system-ui, sans-serif; background: #6b6b6b; color: #fff; }
  header { position: sticky; top: 0; background: #222; padding: 8px 16px; display: flex; gap: 16px; align-items: baseline; z-index: 2; }
  header b { font-size: 16px; }
  #status { color: #9c9; }
  #error { display: none; white-space: pre-wrap; background: #fff0f0; color: #8a0000; border-left: 6px solid #c00; margin: 12px 16px; padding: 12px; font: 13px/1.5 ui-monospace, monospace; }
  section { padding: 8px 16px 24px; }
  h2 { font-size: 15px; margin: 12px 0 8px; }
  .pages { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-start; }
  figure { margin: 0; }
  figure img { display: block; background: #fff; box-shadow: 0 2px 8px rgba(0,0,0,.4); max-height: 420px; }
  figcaption { font-size: 11px; color: #ddd; text-align: center; }
</style>
</head>
<body>
<header><b>${escapeHtml(title)}</b><span id="status">…</span><a href="/site/" target="_blank" rel="noopener" style="color:#9cf">le site de la campagne</a></header>
<div id="error" role="alert"></div>
<main id="docs"></main>
<script>
const docs = document.getElementById('docs');
const banner = document.getElementById('error');
const status = document.getElementById('status');
async function refresh() {
  const state = await (await fetch('/state')).json();
  status.textContent = state.building ? 'construction…' : 'à jour (' + new Date().toLocaleTimeString() + ')';
  banner.style.display = state.error ? 'block' : 'none';
  banner.textContent = state.error || '';
  for (const doc of state.docs) {
    let section = document.getElementById('doc-' + doc.id);
    if (!section) {
      section = document.createElement('section');
      section.id = 'doc-' + doc.id;
      section.innerHTML = '<h2></h2><div class="pages"></div>';
      docs.appendChild(section);
    }
    section.querySelector('h2').textContent = doc.id + ' — ' + doc.pages + ' p.';
    const pages = section.querySelector('.pages');
    while (pages.children.length > doc.pages) pages.lastChild.remove();
    for (let n = 1; n <= doc.pages; n++) {
      let fig = pages.children[n - 1];
      if (!fig) {
        fig = document.createElement('figure');
        fig.innerHTML = '<img loading="lazy"><figcaption></figcaption>';
        pages.appendChild(fig);
      }
      const img = fig.querySelector('img');
      const src = '/page/' + doc.id + '/' + n + '.png?v=' + doc.version;
      if (img.getAttribute('src') !== src) {
        img.setAttribute('src', src);
        img.setAttribute('alt', doc.texts[n - 1] || '');
      }
      fig.querySelector('figcaption').textContent = String(n);
    }
  }
}
new EventSource('/events').onmessage = () => refresh();
refresh();
</script>
</body>
</html>`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
