// mosty serve: what every page shares. Text goes in as text nodes only,
// never as HTML, so nothing a person typed can run.
'use strict';
(() => {
  const strings = JSON.parse(document.getElementById('ui-strings').textContent);
  const plural = new Intl.PluralRules(document.body.dataset.ui || 'en');

  // t returns message id in the page's language, filled with data; a
  // Count picks the plural form.
  function t(id, data) {
    const forms = strings[id];
    if (!forms) return id;
    let s = forms.other;
    if (data && typeof data.Count === 'number') s = forms[plural.select(data.Count)] || forms.other;
    return s.replace(/\{\{\.(\w+)\}\}/g, (m, k) => (data && k in data ? String(data[k]) : m));
  }

  // el makes an element: attributes (class, text, on…) and children,
  // strings becoming text nodes.
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat(Infinity)) {
      if (c == null || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  // api calls the JSON API; the token travels in the page's cookie.
  async function api(method, path, body) {
    const init = { method, credentials: 'same-origin', headers: {} };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let r;
    try {
      r = await fetch(path, init);
    } catch (e) {
      return { status: 0, ok: false, data: { error: String(e.message || e) } };
    }
    let data = null;
    try { data = await r.json(); } catch (e) { data = { error: r.statusText }; }
    return { status: r.status, ok: r.ok, data };
  }

  const nameInput = document.getElementById('name');
  if (nameInput) {
    nameInput.value = localStorage.getItem('mosty.name') || '';
    nameInput.addEventListener('change', () => localStorage.setItem('mosty.name', nameInput.value.trim()));
  }
  const myName = () => (nameInput ? nameInput.value.trim() : '');

  // bar draws coverage as stacked parts: widths through the CSS object
  // model, which the Content-Security-Policy allows.
  function bar(counts, label) {
    const b = el('div', { class: 'bar', role: 'img', 'aria-label': label });
    const total = counts.total || 0;
    for (const k of ['reviewed', 'translated', 'fuzzy']) {
      if (!total || !counts[k]) continue;
      const s = el('span', { class: k });
      s.style.width = (100 * counts[k] / total) + '%';
      b.append(s);
    }
    return b;
  }

  const pct = (p) => (Math.round(p * 10) / 10).toLocaleString(document.body.dataset.ui) + '%';

  window.mosty = { t, el, api, myName, bar, pct };
})();
