// mosty serve's article page: one row per segment, saved with the
// keyboard through PUT /api/articles/{slug}/{lang}/segments/{id}.
'use strict';
(() => {
  const { t, el, api, myName } = window.mosty;
  const $ = (id) => document.getElementById(id);
  const body = document.body.dataset;
  const base = '/api/articles/' + encodeURIComponent(body.slug) + '/' + encodeURIComponent(body.lang);
  const list = $('segments');
  const rows = []; // {seg, li, ta, …} in reading order
  const placeholderRe = /<(\/?)([1-9]\d{0,3})(\/?)>/g;
  const smooth = matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
  const done = (st) => st === 'translated' || st === 'reviewed';

  async function load() {
    const r = await api('GET', base);
    if (!r.ok) {
      $('status').textContent = t('LoadFailed', { Error: r.data && r.data.error });
      return;
    }
    $('status').textContent = '';
    r.data.segments.forEach((seg, i) => rows.push(makeRow(seg, i)));
    list.replaceChildren(...rows.map((row) => row.li));
    for (const row of rows) grow(row.ta);
    progress();
    const first = rows.find((row) => !done(row.seg.status)) || rows[0];
    if (first) first.ta.focus({ preventScroll: true });
  }

  function progress() {
    const n = rows.filter((row) => done(row.seg.status)).length;
    $('progress').textContent = t('DoneOf', { Done: n, Total: rows.length });
  }

  // sourceNodes shows the Polish with its placeholders as chips that name
  // their markup; a click inserts the placeholder into the translation.
  function sourceNodes(row) {
    const s = row.seg.source, out = [];
    const info = new Map(row.seg.placeholders.map((p) => [p.n, p]));
    let last = 0;
    for (const m of s.matchAll(placeholderRe)) {
      if (m.index > last) out.push(s.slice(last, m.index));
      const n = Number(m[2]), p = info.get(n) || { n, kind: 'other', title: '', pair: !m[3] };
      const close = m[1] === '/', empty = m[3] === '/';
      const label = close ? '/' + n : t('Chip_' + p.kind) + ' ' + n + (empty ? '' : '');
      out.push(el('button', { type: 'button', class: 'chip' + (close ? ' close' : ''), title: p.title || null,
        'aria-label': t('InsertPlaceholder') + ': ' + m[0] + (p.title ? ' (' + p.title + ')' : ''),
        'data-placeholder': m[0], onclick: () => insertPlaceholder(row, p) }, label));
      last = m.index + m[0].length;
    }
    if (last < s.length) out.push(s.slice(last));
    return out;
  }

  function diffNodes(parts) {
    return parts.map((p) => (p.op === '-' ? el('del', {}, p.text) : p.op === '+' ? el('ins', {}, p.text) : p.text));
  }

  function makeRow(seg, i) {
    const row = { seg, index: i };
    row.ta = el('textarea', { lang: body.lang, rows: Math.min(8, Math.max(2, Math.ceil(seg.source.length / 60))),
      'aria-label': t('Translation') + ' — ' + t('Segment') + ' ' + (i + 1), spellcheck: 'true' });
    row.ta.value = seg.translation;
    row.ta.addEventListener('input', () => { grow(row.ta); scheduleCheck(row); });
    row.ta.addEventListener('keydown', (e) => keys(e, row));
    row.ta.addEventListener('focus', () => {
      for (const r of rows) r.li.classList.toggle('current', r === row);
    });
    row.msg = el('span', { class: 'msg', role: 'status' });
    row.problems = el('ul', { class: 'problems' });
    row.extra = el('div');
    row.help = el('aside', { class: 'help' });
    row.badge = el('span', { class: 'badge' });
    row.src = el('p', { class: 'source', lang: body.sourceLang });
    row.diff = el('p', { class: 'diff' });
    row.who = el('div', { class: 'who-line' });
    row.li = el('li', { id: 'seg-' + seg.id, 'data-id': seg.id },
      el('div', { class: 'src' },
        el('div', { class: 'meta' }, el('span', { class: 'num', text: '#' + (i + 1) }), el('span', { text: kindName(seg.kind) }), row.badge),
        row.src, row.diff),
      el('div', { class: 'tgt' }, row.ta,
        el('div', { class: 'actions' },
          el('button', { type: 'button', class: 'save', onclick: () => save(row, 'translated', true), title: 'Ctrl+Enter' }, t('Save')),
          el('button', { type: 'button', class: 'ghost fuzzy', onclick: () => save(row, 'fuzzy', false) }, t('SaveFuzzy')),
          el('button', { type: 'button', class: 'ghost review', onclick: () => save(row, 'reviewed', true), title: 'Ctrl+Shift+Enter' }, t('MarkReviewed')),
          row.msg),
        row.problems, row.extra, row.who),
      row.help);
    show(row);
    return row;
  }

  const kindName = (k) => { const s = t('Kind_' + k); return s === 'Kind_' + k ? k : s; };

  // grow fits a textarea to its text, so a translation is read whole.
  function grow(ta) {
    ta.style.height = 'auto';
    ta.style.height = (ta.scrollHeight + 2) + 'px';
  }

  // show draws a row from its segment as the server last gave it.
  function show(row) {
    const seg = row.seg;
    row.li.className = 'seg st-' + seg.status + (row.li.classList.contains('current') ? ' current' : '');
    row.badge.className = 'badge ' + seg.status;
    row.badge.textContent = t('Status_' + seg.status);
    row.src.replaceChildren(...sourceNodes(row));
    row.diff.replaceChildren();
    if (seg.previous_diff && seg.previous_diff.length) row.diff.append(t('PolishChanged'), ' ', ...diffNodes(seg.previous_diff));
    showProblems(row, seg.problems);
    showHelp(row);
    const k = seg.keys || {};
    row.who.replaceChildren(...[
      k.translator ? el('div', { text: t('TranslatedBy', { Name: k.translator, When: when(k.translated_at) }) }) : null,
      k.reviewer ? el('div', { text: t('ReviewedBy', { Name: k.reviewer, When: when(k.reviewed_at) }) }) : null,
    ].filter(Boolean));
    row.extra.replaceChildren(...extraBoxes(row));
  }

  const when = (s) => (s ? new Date(s).toLocaleString(body.ui, { dateStyle: 'medium', timeStyle: 'short' }) : '');

  function showProblems(row, problems) {
    row.problems.replaceChildren(...(problems || []).map((p) => el('li', { class: p.severity, title: p.check }, p.message)));
  }

  // extraBoxes shows what other tools left in the segment: a merge's
  // other version, a note from the memory.
  function extraBoxes(row) {
    const k = row.seg.keys || {}, out = [];
    if (k.conflict_translation !== undefined) {
      out.push(el('div', { class: 'box conflict' }, t('MergeConflict'),
        el('blockquote', { lang: body.lang }, String(k.conflict_translation)),
        k.conflict_status ? el('span', { class: 'badge' }, t('Status_' + k.conflict_status)) : null,
        ' ', el('button', { type: 'button', class: 'small ghost', onclick: () => use(row, String(k.conflict_translation)) }, t('Use'))));
    }
    if (k.tm_match !== undefined && row.seg.status === 'fuzzy') {
      out.push(el('div', { class: 'box note' }, t('MemoryNote', { Score: k.tm_match }), k.tm_note ? ' ' + k.tm_note : ''));
    }
    return out;
  }

  // known are the keys shown in their own places; others are listed.
  const known = new Set(['translator', 'translated_at', 'reviewer', 'reviewed_at', 'conflict_translation', 'conflict_status',
    'tm_match', 'tm_note', 'tm_origin', 'tm_suggestion', 'tm_suggestion_match', 'names']);

  function showHelp(row) {
    const seg = row.seg, k = seg.keys || {}, parts = [];
    const tm = seg.tm.slice();
    if (k.tm_suggestion && !tm.some((m) => m.translation === k.tm_suggestion)) {
      tm.push({ translation: k.tm_suggestion, score: k.tm_suggestion_match || 0, origin: k.tm_origin || '' });
    }
    if (tm.length) {
      parts.push(el('section', { class: 'tm' }, el('h3', { text: t('Memory') }),
        el('ul', {}, tm.map((m) => el('li', {},
          el('span', { class: 'score' + (m.score < 100 ? ' low' : ''), text: m.score + '%' }),
          el('span', { lang: body.lang, text: m.translation }),
          el('button', { type: 'button', class: 'small ghost', onclick: () => use(row, m.translation) }, t('Use')),
          el('span', { class: 'origin', text: m.origin }))))));
    }
    if (seg.terms.length) {
      parts.push(el('section', { class: 'terms' }, el('h3', { text: t('Glossary') }),
        el('ul', {}, seg.terms.map((term) => el('li', { class: 'term', title: term.note || null },
          el('span', { lang: body.sourceLang, text: term.source }), ' → ', el('span', { class: 'to', lang: body.lang, text: term.target }),
          term.forbidden && term.forbidden.length ? el('span', { class: 'not' }, ' (' + t('NotThis') + ': ' + term.forbidden.join(', ') + ')') : null)))));
    }
    if (Array.isArray(k.names) && k.names.length) {
      parts.push(el('section', { class: 'names' }, el('h3', { text: t('Names') }), el('ul', {}, k.names.map((n) => el('li', {}, String(n))))));
    }
    const other = Object.keys(k).filter((key) => !known.has(key));
    if (other.length) {
      parts.push(el('section', {}, el('h3', { text: t('OtherKeys') }),
        el('dl', { class: 'keys-list' }, other.map((key) => [el('dt', { text: key }), el('dd', { text: JSON.stringify(k[key]) })]))));
    }
    row.help.replaceChildren(...parts);
    row.help.hidden = parts.length === 0;
  }

  function use(row, text) {
    row.ta.value = text;
    grow(row.ta);
    row.ta.focus();
    scheduleCheck(row);
  }

  // The checks run on the server as the translator types.
  function scheduleCheck(row) {
    clearTimeout(row.timer);
    row.timer = setTimeout(() => check(row), 250);
  }

  async function check(row) {
    const text = row.ta.value;
    const r = await api('POST', base + '/segments/' + encodeURIComponent(row.seg.id) + '/check', { translation: text, status: 'translated' });
    if (r.ok && row.ta.value === text) showProblems(row, r.data.problems);
  }

  async function save(row, status, next, over) {
    clearTimeout(row.timer);
    row.msg.className = 'msg';
    row.msg.textContent = t('Saving');
    const sent = row.ta.value;
    const rev = over ? over.rev : row.seg.rev;
    const r = await api('PUT', base + '/segments/' + encodeURIComponent(row.seg.id), { translation: sent, status, rev, name: myName() });
    if (r.ok) {
      row.seg = r.data.segment;
      row.conflict = null;
      show(row);
      progress();
      row.msg.textContent = t('Saved');
      if (next) focusNext(row, true);
      return;
    }
    row.msg.className = 'msg error';
    if (r.status === 409) {
      row.msg.textContent = '';
      conflict(row, r.data.segment, status, next);
    } else if (r.status === 422) {
      row.msg.textContent = t('Refused');
      showProblems(row, r.data.problems);
    } else {
      row.msg.textContent = t('SaveFailed', { Error: (r.data && r.data.error) || r.status });
    }
  }

  // conflict shows the version someone else saved, to take or to
  // overwrite knowingly.
  function conflict(row, current, status, next) {
    const box = el('div', { class: 'box conflict', role: 'alert' }, t('Conflict'),
      el('blockquote', { lang: body.lang }, current.translation),
      el('span', { class: 'badge ' + current.status, text: t('Status_' + current.status) }), ' ',
      el('button', { type: 'button', class: 'small take', onclick: () => { row.seg = current; row.ta.value = current.translation; grow(row.ta); show(row); row.ta.focus(); } }, t('UseTheirs')), ' ',
      el('button', { type: 'button', class: 'small ghost keep', onclick: () => save(row, status, next, current) }, t('KeepMine')));
    row.extra.replaceChildren(box, ...extraBoxes(row));
  }

  // focusNext moves to the next segment (the next unfinished one when
  // unfinished is set), wrapping around.
  function focusNext(row, unfinished) {
    for (let k = 1; k <= rows.length; k++) {
      const r = rows[(row.index + k) % rows.length];
      if (!unfinished || !done(r.seg.status)) {
        r.ta.focus({ preventScroll: true });
        r.li.scrollIntoView({ block: 'center', behavior: smooth });
        return;
      }
    }
    $('status').textContent = t('AllDone');
  }

  function focusPrev(row) {
    const r = rows[(row.index - 1 + rows.length) % rows.length];
    r.ta.focus({ preventScroll: true });
    r.li.scrollIntoView({ block: 'center', behavior: smooth });
  }

  function keys(e, row) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save(row, e.shiftKey ? 'reviewed' : 'translated', true);
    } else if (e.key === '.' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      insertNext(row);
    } else if (e.altKey && e.key === 'ArrowDown') {
      e.preventDefault();
      focusNext(row, false);
    } else if (e.altKey && e.key === 'ArrowUp') {
      e.preventDefault();
      focusPrev(row);
    }
  }

  // insertNext inserts the first placeholder of the Polish that the
  // translation lacks: a pair around the selected words (or empty, the
  // cursor inside), the closing half of a pair that is open, or an empty
  // element. With the cursor at the end of a pair's words it steps past
  // the closing placeholder.
  function insertNext(row) {
    const ta = row.ta, have = ta.value;
    const close = /^<\/[1-9]\d{0,3}>/.exec(have.slice(ta.selectionEnd));
    if (close && ta.selectionStart === ta.selectionEnd) {
      // Inside a pair just inserted: step out of it.
      const caret = ta.selectionEnd + close[0].length;
      ta.setSelectionRange(caret, caret);
      return;
    }
    for (const p of row.seg.placeholders) {
      if (p.pair && have.includes('<' + p.n + '>') && !have.includes('</' + p.n + '>')) {
        insertText(row, '</' + p.n + '>', '');
        return;
      }
      const open = p.pair ? '<' + p.n + '>' : '<' + p.n + '/>';
      if (!have.includes(open)) {
        insertPlaceholder(row, p);
        return;
      }
    }
  }

  function insertPlaceholder(row, p) {
    if (p.pair) insertText(row, '<' + p.n + '>', '</' + p.n + '>');
    else insertText(row, '<' + p.n + '/>', '');
  }

  // insertText wraps the selection in before…after and leaves the
  // cursor after the selection, before after.
  function insertText(row, before, after) {
    const ta = row.ta, start = ta.selectionStart, end = ta.selectionEnd;
    const sel = ta.value.slice(start, end);
    ta.setRangeText(before + sel + after, start, end, 'end');
    const caret = start + before.length + sel.length;
    ta.setSelectionRange(caret, caret);
    grow(ta);
    ta.focus();
    scheduleCheck(row);
  }

  $('unfinished').addEventListener('change', (e) => list.classList.toggle('only-unfinished', e.target.checked));
  load();
})();
