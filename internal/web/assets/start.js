// mosty serve's start page: every article's coverage per language,
// filters and search, over GET /api/articles.
'use strict';
(() => {
  const { t, el, api, bar, pct } = window.mosty;
  const $ = (id) => document.getElementById(id);
  const langs = [...document.querySelectorAll('th[data-lang]')].map((th) => ({ code: th.dataset.lang, name: th.textContent }));
  let articles = [];

  async function load() {
    const q = $('q').value.trim();
    const r = await api('GET', '/api/articles' + (q ? '?q=' + encodeURIComponent(q) : ''));
    if (!r.ok) {
      $('count').textContent = t('LoadFailed', { Error: r.data && r.data.error });
      return;
    }
    articles = r.data;
    if (!q) totals(articles);
    categories(articles);
    render();
  }

  function categories(list) {
    const sel = $('f-cat');
    const have = new Set([...sel.options].map((o) => o.value));
    for (const c of [...new Set(list.map((a) => a.category).filter(Boolean))].sort()) {
      if (!have.has(c)) sel.append(el('option', { value: c, text: c }));
    }
  }

  function totals(list) {
    const box = $('totals');
    box.replaceChildren();
    for (const l of langs) {
      const seg = { new: 0, fuzzy: 0, translated: 0, reviewed: 0, total: 0 };
      const words = { ...seg };
      let conflicts = 0, done = 0;
      for (const a of list) {
        const c = a.languages[l.code];
        for (const k of Object.keys(seg)) { seg[k] += c.segments[k]; words[k] += c.words[k]; }
        conflicts += c.conflicts;
        done += c.percent * c.words.total / 100; // percent leaves out conflicted segments' words
      }
      const p = words.total ? 100 * done / words.total : 100;
      box.append(el('div', { class: 'total' },
        el('div', { class: 'name' }, el('span', { lang: l.code, text: l.name }), el('span', { class: 'pct', text: pct(p) })),
        bar(words, l.name + ': ' + pct(p)),
        el('div', { class: 'cell' }, el('div', { class: 'line' }, tags(seg, 0, conflicts)))));
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

  // keep applies the filters to one article.
  function keep(a) {
    const lang = $('f-lang').value, status = $('f-status').value, cat = $('f-cat').value;
    if (cat && a.category !== cat) return false;
    const ls = (lang ? [lang] : langs.map((l) => l.code)).map((c) => a.languages[c]);
    if ($('f-problems').checked && !ls.some((c) => c.problems > 0)) return false;
    const open = (c) => c.segments.new + c.segments.fuzzy;
    switch (status) {
      case 'unfinished': return ls.some((c) => open(c) > 0);
      case 'fuzzy': return ls.some((c) => c.segments.fuzzy > 0);
      case 'new': return ls.some((c) => c.segments.new > 0);
      case 'conflicts': return ls.some((c) => c.conflicts > 0);
      case 'complete': return ls.every((c) => open(c) === 0 && c.conflicts === 0);
    }
    return true;
  }

  function render() {
    const lang = $('f-lang').value;
    for (const th of document.querySelectorAll('th[data-lang]')) th.classList.toggle('hidden-col', !!lang && th.dataset.lang !== lang);
    const shown = articles.filter(keep);
    $('count').textContent = shown.length ? t('ArticlesCount', { Count: shown.length }) : t('NoArticles');
    $('rows').replaceChildren(...shown.map((a) => row(a, lang)));
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

  let timer;
  $('q').addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(load, 250); });
  $('filters').addEventListener('submit', (e) => { e.preventDefault(); load(); });
  for (const id of ['f-lang', 'f-status', 'f-cat', 'f-problems']) $(id).addEventListener('change', render);
  load();
})();
