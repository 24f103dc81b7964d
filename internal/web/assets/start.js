// mosty serve's start page: the archive's articles a page at a time with
// their coverage per language, totals, filters and search, over
// GET /api/articles (the server filters and pages: an archive may hold
// 100,000 articles).
'use strict';
(() => {
  const { t, el, api, bar, pct } = window.mosty;
  const $ = (id) => document.getElementById(id);
  const langs = [...document.querySelectorAll('th[data-lang]')].map((th) => ({ code: th.dataset.lang, name: th.textContent }));
  let page = 1;
  let asked = 0; // the number of the last request: an older answer is dropped

  async function load() {
    const params = new URLSearchParams();
    const q = $('q').value.trim();
    if (q) params.set('q', q);
    if ($('f-lang').value) params.set('lang', $('f-lang').value);
    if ($('f-status').value) params.set('status', $('f-status').value);
    if ($('f-cat').value) params.set('category', $('f-cat').value);
    if ($('f-problems').checked) params.set('problems', '1');
    if (page > 1) params.set('page', String(page));
    const n = ++asked;
    const r = await api('GET', '/api/articles' + (params.size ? '?' + params : ''));
    if (n !== asked) return;
    if (!r.ok) {
      $('count').textContent = t('LoadFailed', { Error: r.data && r.data.error });
      return;
    }
    const list = r.data;
    if (list.total > 0 && page > list.pages) { // the archive shrank under us
      page = list.pages;
      load();
      return;
    }
    totals(list.totals);
    categories(list.categories);
    render(list);
    if (list.partial) { // the server is still reading a large archive: ask again
      $('count').textContent = t('ReadingArchive', { Done: list.partial.done.toLocaleString(document.body.dataset.ui), Of: list.partial.of.toLocaleString(document.body.dataset.ui) });
      setTimeout(() => { if (n === asked) load(); }, 300);
    }
  }

  function categories(all) {
    const sel = $('f-cat');
    const have = new Set([...sel.options].map((o) => o.value));
    for (const c of all) {
      if (!have.has(c)) sel.append(el('option', { value: c, text: c }));
    }
  }

  function totals(byLang) {
    const box = $('totals');
    box.replaceChildren();
    for (const l of langs) {
      const c = byLang[l.code];
      if (!c) continue;
      box.append(el('div', { class: 'total' },
        el('div', { class: 'name' }, el('span', { lang: l.code, text: l.name }), el('span', { class: 'pct', text: pct(c.percent) })),
        bar(c.words, l.name + ': ' + pct(c.percent)),
        el('div', { class: 'cell' }, el('div', { class: 'line' }, tags(c.segments, 0, c.conflicts)))));
    }
  }

  // tags are a cell's counts worth a look; conflicts are segments a git
  // merge left in two versions.
  function tags(seg, problems, conflicts) {
    return [
      conflicts ? el('span', { class: 'tag conflicts', text: t('ConflictsCount', { Count: conflicts }) }) : null,
      seg.fuzzy ? el('span', { class: 'tag fuzzy', text: t('FuzzyCount', { Count: seg.fuzzy }) }) : null,
      seg.new ? el('span', { class: 'tag new', text: t('NewCount', { Count: seg.new }) }) : null,
      problems ? el('span', { class: 'tag problems', text: t('ProblemsCount', { Count: problems }) }) : null,
    ];
  }

  function render(list) {
    const lang = $('f-lang').value;
    for (const th of document.querySelectorAll('th[data-lang]')) th.classList.toggle('hidden-col', !!lang && th.dataset.lang !== lang);
    $('count').textContent = list.total ? t('ArticlesCount', { Count: list.total }) : t('NoArticles');
    $('rows').replaceChildren(...list.articles.map((a) => row(a, lang)));
    $('pager').hidden = list.pages <= 1;
    $('page').textContent = t('PageOf', { N: list.page, Total: list.pages });
    $('prev').disabled = list.page <= 1;
    $('next').disabled = list.page >= list.pages;
  }

  function row(a, only) {
    const first = (only || (langs[0] && langs[0].code));
    const tr = el('tr', {},
      el('td', { class: 'title' },
        el('a', { href: '/' + encodeURIComponent(a.slug) + '/' + encodeURIComponent(first), lang: document.body.dataset.sourceLang, text: a.title || a.slug }),
        a.category ? el('span', { class: 'cat', text: a.category }) : null),
      el('td', { class: 'date', text: a.date || '' }));
    for (const l of langs) {
      const c = a.languages[l.code];
      const td = el('td', { class: only && only !== l.code ? 'hidden-col' : null },
        el('div', { class: 'cell' },
          el('div', { class: 'line' }, el('strong', { text: pct(c.percent) }),
            el('a', { class: 'go', href: '/' + encodeURIComponent(a.slug) + '/' + encodeURIComponent(l.code), 'aria-label': t('Translate') + ': ' + (a.title || a.slug) + ' (' + l.name + ')', text: t('Translate') + ' →' })),
          bar(c.segments, l.name + ': ' + pct(c.percent)),
          el('div', { class: 'line' }, tags(c.segments, c.problems, c.conflicts))));
      tr.append(td);
    }
    return tr;
  }

  const again = () => { page = 1; load(); };
  let timer;
  $('q').addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(again, 250); });
  $('filters').addEventListener('submit', (e) => { e.preventDefault(); again(); });
  for (const id of ['f-lang', 'f-status', 'f-cat', 'f-problems']) $(id).addEventListener('change', again);
  const turn = (by) => { page += by; load(); $('count').scrollIntoView({ block: 'start' }); };
  $('prev').addEventListener('click', () => turn(-1));
  $('next').addEventListener('click', () => turn(1));
  load();
})();
