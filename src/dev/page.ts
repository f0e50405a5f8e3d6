/**
 * The preview page, a proofing tool: every page of every document at real size or fitted to
 * the window, the programme as the booklet reads (facing pages: 1, 2–3, 4–5…), the trim,
 * bleed and safe area drawn on demand, each ink plate alone (C, M, Y, K, from the print
 * file) and the total ink with the areas over the printer's limit in red, and the layout's
 * problems listed beside the pages, each leading to its page with the faulty box outlined.
 * Refreshed by itself (server-sent events) when a build lands; errors shown in a banner.
 * Plain HTML and a script; the server gives /state (pages, problems, geometry in mm) and
 * /page/<doc>/<n>.png?dpi=N[&plate=c|m|y|k|ink].
 */
export function previewHtml(title: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} — aperçu encre</title>
<style>
  body { margin: 0; font: 14px/1.4 system-ui, sans-serif; background: #5e5e5e; color: #fff; }
  header { position: sticky; top: 0; background: #222; padding: 8px 16px; display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; z-index: 5; }
  header b { font-size: 16px; }
  #status { color: #9c9; min-width: 9em; }
  .group { display: inline-flex; border: 1px solid #666; border-radius: 4px; overflow: hidden; }
  .group button { background: #333; color: #eee; border: 0; border-left: 1px solid #555; padding: 4px 9px; font: inherit; cursor: pointer; }
  .group button:first-child { border-left: 0; }
  .group button[aria-pressed="true"] { background: #0a7bc4; color: #fff; }
  button[data-plate="c"] { color: #6ee7ff; } button[data-plate="m"] { color: #ff7ad9; } button[data-plate="y"] { color: #ffe95c; }
  label { cursor: pointer; }
  #error { display: none; white-space: pre-wrap; background: #fff0f0; color: #8a0000; border-left: 6px solid #c00; margin: 12px 16px; padding: 12px; font: 13px/1.5 ui-monospace, monospace; }
  #layout { display: flex; align-items: flex-start; }
  main { flex: 1; min-width: 0; }
  aside { position: sticky; top: 52px; width: 300px; max-height: calc(100vh - 60px); overflow: auto; background: #2b2b2b; font-size: 12px; padding: 8px 12px; box-sizing: border-box; }
  aside h2 { font-size: 14px; margin: 4px 0 8px; }
  aside ol { margin: 0; padding-left: 18px; }
  aside li { margin: 0 0 6px; }
  aside a { color: #ffd27a; text-decoration: none; } aside a:hover, aside a.active { text-decoration: underline; color: #fff; }
  aside .warning { color: #ccc; }
  aside .error { color: #ff8f8f; }
  section { padding: 8px 16px 24px; }
  h2.doc { font-size: 15px; margin: 12px 0 8px; }
  .spreads { display: flex; flex-wrap: wrap; gap: 28px 24px; align-items: flex-start; }
  .spread { display: flex; }
  .spread.single-right { margin-left: var(--single-offset, 0); }
  figure.page { margin: 0; }
  .sheet { position: relative; background: #fff; box-shadow: 0 2px 8px rgba(0,0,0,.45); }
  .sheet img { display: block; width: 100%; height: 100%; }
  figcaption { font-size: 11px; color: #ddd; text-align: center; padding-top: 3px; }
  .marks { display: none; position: absolute; inset: 0; pointer-events: none; }
  body.show-marks .marks { display: block; }
  .marks .trim { position: absolute; inset: 0; outline: 1px solid #00b7ff; }
  .marks .bleed { position: absolute; border: 1px dashed #e00; }
  .marks .safe { position: absolute; border: 1px dashed #d0f; }
  .outline { display: none; position: absolute; pointer-events: none; outline: 3px solid #ff2d2d; box-shadow: 0 0 0 9999px rgba(0,0,0,.12); z-index: 3; }
  .outline.active { display: block; }
</style>
</head>
<body>
<header>
  <b>${escapeHtml(title)}</b><span id="status">…</span>
  <span class="group" role="group" aria-label="Taille des pages">
    <button type="button" data-zoom="fit" aria-pressed="true">Ajustée à la fenêtre</button><button type="button" data-zoom="real" aria-pressed="false">Taille réelle</button>
  </span>
  <label><input type="checkbox" id="marks"> Coupe, fond perdu, zone sûre</label>
  <span class="group" role="group" aria-label="Encres">
    <button type="button" data-plate="" aria-pressed="true">Toutes les encres</button><button type="button" data-plate="c" aria-pressed="false">C</button><button type="button" data-plate="m" aria-pressed="false">M</button><button type="button" data-plate="y" aria-pressed="false">Y</button><button type="button" data-plate="k" aria-pressed="false">K</button><button type="button" data-plate="ink" aria-pressed="false">Encrage total</button>
  </span>
  <a href="/site/" target="_blank" rel="noopener" style="color:#9cf">le site de la campagne</a>
</header>
<div id="error" role="alert"></div>
<div id="layout">
  <main id="docs"></main>
  <aside aria-label="Problèmes"><h2 id="problems-title">Problèmes</h2><ol id="problems"></ol></aside>
</div>
<script>
const docs = document.getElementById('docs');
const banner = document.getElementById('error');
const status = document.getElementById('status');
const list = document.getElementById('problems');
const view = { zoom: 'fit', plate: '', active: '' };
let state = { docs: [] };
const PX_PER_MM_REAL = 96 / 25.4;
const PT_TO_MM = 25.4 / 72;
/** The booklet's spreads: 1 alone (the cover, a right page), then 2–3, 4–5…, the last alone when even. */
function spreadsOf(doc) {
  const n = doc.pages;
  if (doc.id !== 'programme' || n < 3) return Array.from({ length: n }, (_, i) => [i + 1]);
  const out = [[1]];
  for (let p = 2; p <= n; p += 2) out.push(p + 1 <= n ? [p, p + 1] : [p]);
  return out;
}
/** CSS pixels per mm for a document: real size, or its widest spread fitted to the window. */
function pxPerMm(doc) {
  if (view.zoom === 'real') return PX_PER_MM_REAL;
  const [w, h] = doc.proof.trimMm;
  const across = doc.id === 'programme' && doc.pages >= 3 ? 2 : 1;
  const avail = { w: docs.clientWidth - 48, h: window.innerHeight - 110 };
  return Math.max(0.3, Math.min(avail.w / (w * across), avail.h / h));
}
function dpiFor(scale) {
  const dpi = Math.ceil((scale * 25.4 * (window.devicePixelRatio || 1)) / 10) * 10;
  return Math.max(30, Math.min(220, dpi));
}
/** A page's image: its version is the build it last changed in, so an unchanged page keeps its address (not asked again). */
function pageUrl(doc, n, scale) {
  return '/page/' + doc.id + '/' + n + '.png?v=' + (doc.pageVersions ? doc.pageVersions[n - 1] : doc.version) + '&dpi=' + dpiFor(scale) + (view.plate ? '&plate=' + view.plate : '');
}
function render() {
  for (const doc of state.docs) {
    if (!doc.proof) continue;
    let section = document.getElementById('doc-' + doc.id);
    if (!section) {
      section = document.createElement('section');
      section.id = 'doc-' + doc.id;
      section.innerHTML = '<h2 class="doc"></h2><div class="spreads"></div>';
      docs.appendChild(section);
    }
    section.querySelector('h2').textContent = doc.id + ' — ' + doc.pages + ' p.' + (doc.id === 'programme' ? ' (pages en regard)' : '');
    const scale = pxPerMm(doc);
    const [w, h] = doc.proof.trimMm;
    const box = section.querySelector('.spreads');
    const wanted = spreadsOf(doc);
    const key = wanted.map((s) => s.join('-')).join(',');
    if (box.dataset.key !== key) {
      box.dataset.key = key;
      for (const img of box.querySelectorAll('img')) {
        near.unobserve(img);
        nearby.delete(img);
      }
      box.innerHTML = '';
      for (const pages of wanted) {
        const spread = document.createElement('div');
        spread.className = 'spread' + (doc.id === 'programme' && pages.length === 1 && pages[0] === 1 ? ' single-right' : '');
        for (const n of pages) {
          const fig = document.createElement('figure');
          fig.className = 'page';
          fig.dataset.page = String(n);
          fig.id = 'p-' + doc.id + '-' + n;
          fig.innerHTML = '<div class="sheet"><img><div class="marks"><div class="trim"></div><div class="bleed"></div><div class="safe"></div></div></div><figcaption>' + n + '</figcaption>';
          spread.appendChild(fig);
          near.observe(fig.querySelector('img'));
        }
        box.appendChild(spread);
      }
    }
    section.style.setProperty('--single-offset', (doc.id === 'programme' ? w * scale : 0) + 'px');
    const figs = [...box.querySelectorAll('figure.page')];
    for (const fig of figs) {
      const sheet = fig.querySelector('.sheet');
      sheet.style.width = w * scale + 'px';
      sheet.style.height = h * scale + 'px';
      const b = doc.proof.bleedMm * scale, s = doc.proof.safeMm * scale;
      Object.assign(fig.querySelector('.bleed').style, { left: -b + 'px', top: -b + 'px', right: -b + 'px', bottom: -b + 'px' });
      Object.assign(fig.querySelector('.safe').style, { left: s + 'px', top: s + 'px', right: s + 'px', bottom: s + 'px' });
    }
    // The pages on screen first (once sized), asked for at once and before the others, which
    // load as they come near the window: the browser takes six requests at a time, one of
    // them the live update.
    const shown = figs.filter(onScreen);
    for (const fig of [...shown, ...figs.filter((f) => !shown.includes(f))]) {
      const n = Number(fig.dataset.page);
      const sheet = fig.querySelector('.sheet');
      const img = fig.querySelector('img');
      const src = pageUrl(doc, n, scale);
      // The text at once; the image of a page far from the window only when it comes near (near()).
      img.setAttribute('alt', doc.texts[n - 1] || '');
      img.dataset.src = src;
      img.fetchPriority = shown.includes(fig) ? 'high' : 'auto';
      if (shown.includes(fig) || nearby.has(img)) load(img);
      for (const o of sheet.querySelectorAll('.outline')) o.remove();
      doc.proof.problems.forEach((p, i) => {
        if (p.page !== n) return;
        const o = document.createElement('div');
        const id = doc.id + ':' + i;
        o.className = 'outline' + (view.active === id ? ' active' : '');
        o.dataset.problem = id;
        const mm = (pt) => pt * PT_TO_MM * scale + 'px';
        Object.assign(o.style, { left: mm(p.box.left), top: mm(p.box.top), width: mm(p.box.width), height: mm(p.box.height) });
        sheet.appendChild(o);
      });
    }
  }
  renderProblems();
}
/**
 * The images within a window's height of the window: only they are asked for, so that after a
 * build the browser does not ask again for every page it ever showed, in page order.
 */
const nearby = new Set();
const near = new IntersectionObserver((entries) => {
  for (const e of entries) {
    if (e.isIntersecting) {
      nearby.add(e.target);
      load(e.target);
    } else nearby.delete(e.target);
  }
}, { rootMargin: '100% 0px' });
/** Shows an image's latest address (its data-src) if it is not shown yet. */
function load(img) {
  if (img.dataset.src && img.getAttribute('src') !== img.dataset.src) img.setAttribute('src', img.dataset.src);
}
/** True for a page (figure) at least partly in the window. */
function onScreen(fig) {
  const r = fig.getBoundingClientRect();
  return r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;
}
function renderProblems() {
  list.innerHTML = '';
  let count = 0;
  const line = (kind, text) => {
    const li = document.createElement('li');
    li.className = kind;
    li.textContent = text;
    list.appendChild(li);
    count++;
  };
  // What fails a build first (the preflight's errors, the print file's), then the layout's boxes, then warnings.
  for (const doc of state.docs) {
    if (!doc.proof) continue;
    for (const e of [...doc.proof.errors, ...(doc.printProblems || [])]) line('error', doc.id + ' — ' + e);
  }
  for (const doc of state.docs) {
    if (!doc.proof) continue;
    doc.proof.problems.forEach((p, i) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      const id = doc.id + ':' + i;
      a.href = '#p-' + doc.id + '-' + p.page;
      a.dataset.problem = id;
      a.textContent = doc.id + ' p. ' + p.page + ' — ' + p.message.replace(/^page \\d+(, |: )?/, '');
      if (view.active === id) a.className = 'active';
      a.onclick = (e) => { e.preventDefault(); show(id); };
      li.appendChild(a);
      list.appendChild(li);
      count++;
    });
  }
  for (const doc of state.docs) {
    if (!doc.proof) continue;
    for (const w of doc.proof.warnings) line('warning', doc.id + ' — ' + w);
  }
  document.getElementById('problems-title').textContent = count ? 'Problèmes (' + count + ')' : 'Aucun problème';
}
/** Goes to a problem's page and outlines its box. */
function show(id) {
  view.active = id;
  for (const o of document.querySelectorAll('.outline')) o.classList.toggle('active', o.dataset.problem === id);
  for (const a of list.querySelectorAll('a')) a.classList.toggle('active', a.dataset.problem === id);
  const o = document.querySelector('.outline[data-problem="' + CSS.escape(id) + '"]');
  if (o) o.closest('figure').scrollIntoView({ block: 'center' });
}
async function refresh() {
  state = await (await fetch('/state')).json();
  status.textContent = state.building ? 'construction…' : 'à jour (' + new Date().toLocaleTimeString() + ')';
  banner.style.display = state.error ? 'block' : 'none';
  banner.textContent = state.error || '';
  render();
}
for (const b of document.querySelectorAll('[data-zoom]')) b.onclick = () => {
  view.zoom = b.dataset.zoom;
  for (const x of document.querySelectorAll('[data-zoom]')) x.setAttribute('aria-pressed', String(x === b));
  render();
};
for (const b of document.querySelectorAll('[data-plate]')) b.onclick = () => {
  view.plate = b.dataset.plate;
  for (const x of document.querySelectorAll('[data-plate]')) x.setAttribute('aria-pressed', String(x === b));
  render();
};
document.getElementById('marks').onchange = (e) => document.body.classList.toggle('show-marks', e.target.checked);
let resizing;
window.addEventListener('resize', () => { clearTimeout(resizing); resizing = setTimeout(render, 150); });
new EventSource('/events').onmessage = () => refresh();
refresh();
</script>
</body>
</html>`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
