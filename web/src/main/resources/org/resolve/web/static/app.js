// Resolve web UI: small vanilla JavaScript over the server's JSON API and server-sent events.
// Charts are drawn by Chart.js (served from the jar). No inline script: the CSP forbids it.
'use strict';

(function () {
  const page = document.body.dataset.page;

  function human(v) {
    if (v === null || v === undefined || typeof v !== 'number' || !isFinite(v)) { return 'n/a'; }
    const a = Math.abs(v);
    if (a >= 1e9) { return (v / 1e9).toFixed(2) + 'B'; }
    if (a >= 1e6) { return (v / 1e6).toFixed(1) + 'M'; }
    if (a >= 10 || v === Math.round(v)) { return Math.round(v).toLocaleString('en-US'); }
    return v.toFixed(1);
  }

  function signed(v) {
    if (typeof v !== 'number' || !isFinite(v)) { return 'n/a'; }
    return (v > 0 ? '+' : v < 0 ? '-' : '') + human(Math.abs(v));
  }

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  async function postJson(url, body) {
    const r = await fetch(url, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
    });
    let data = null;
    try { data = await r.json(); } catch (e) { data = { error: r.status + ' ' + r.statusText }; }
    return { status: r.status, data: data };
  }

  // A number field as the API takes it: the text as typed (the server reads it exactly, even past
  // 2^53, and refuses anything but a whole number in range), left out when empty (the server's
  // default), or 'not a number' when the browser could not read what was typed.
  function numberField(id) {
    const e = document.getElementById(id);
    if (e.validity && e.validity.badInput) { return 'not a number'; }
    const v = e.value.trim();
    return v === '' ? undefined : v;
  }

  function table(headers, rows) {
    const t = el('table', { class: 'list' });
    const tr = el('tr');
    headers.forEach(h => tr.appendChild(el('th', {}, h)));
    t.appendChild(tr);
    rows.forEach(r => {
      const row = el('tr');
      r.forEach(c => row.appendChild(el('td', {}, c)));
      t.appendChild(row);
    });
    return t;
  }

  // ---------------------------------------------------------------- editor, validation, runs
  function editorPage() {
    const ta = document.getElementById('yaml');
    const gutter = document.getElementById('gutter');
    const problems = document.getElementById('problems');
    const validity = document.getElementById('validity');
    // what the editor opened (kind 'scenario' with a bundled id, or 'file' with a workspace file):
    // the server loads unchanged text from there, and labels edited text as unsaved
    const origin = document.getElementById('editor').dataset;
    let lines = 0;
    let seq = 0;
    let timer = null;

    function drawGutter() {
      const n = ta.value.split('\n').length;
      if (n === lines) { return; }
      lines = n;
      const frag = document.createDocumentFragment();
      for (let i = 1; i <= n; i++) { frag.appendChild(el('div', { class: 'ln', 'data-line': String(i) }, String(i))); }
      gutter.replaceChildren(frag);
      gutter.scrollTop = ta.scrollTop;
    }

    function goTo(line) {
      const all = ta.value.split('\n');
      let pos = 0;
      for (let i = 0; i < line - 1 && i < all.length; i++) { pos += all[i].length + 1; }
      ta.focus();
      ta.setSelectionRange(pos, pos + (all[line - 1] || '').length);
      const lh = parseFloat(getComputedStyle(ta).lineHeight) || 18;
      ta.scrollTop = Math.max(0, (line - 5) * lh);
    }

    function show(result) {
      gutter.querySelectorAll('.ln.error').forEach(d => { d.classList.remove('error'); d.removeAttribute('title'); });
      problems.replaceChildren();
      if (result.ok) {
        validity.dataset.state = 'valid';
        validity.textContent = 'valid: ' + result.summary;
        return;
      }
      validity.dataset.state = 'invalid';
      validity.textContent = result.problems.length + ' problem(s)';
      result.problems.forEach(p => {
        const text = 'line ' + p.line + ', column ' + p.column + ': ' + p.subject + ': ' + p.problem
          + (p.expected ? '; expected ' + p.expected : '');
        const li = el('li', { 'data-line': String(p.line), 'data-column': String(p.column) }, text);
        li.addEventListener('click', () => goTo(p.line));
        problems.appendChild(li);
        const mark = gutter.querySelector('.ln[data-line="' + p.line + '"]');
        if (mark) { mark.classList.add('error'); mark.title = text; }
      });
    }

    async function validate() {
      const mine = ++seq;
      validity.dataset.state = 'checking';
      const r = await fetch('/api/validate?' + origin.kind + '=' + encodeURIComponent(origin.name), {
        method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: ta.value
      });
      if (mine !== seq) { return; }
      if (!r.ok) { validity.dataset.state = 'error'; validity.textContent = 'cannot check: HTTP ' + r.status; return; }
      show(await r.json());
    }

    ta.addEventListener('input', () => {
      drawGutter();
      clearTimeout(timer);
      timer = setTimeout(validate, 250);
    });
    ta.addEventListener('scroll', () => { gutter.scrollTop = ta.scrollTop; });
    drawGutter();
    validate();

    document.getElementById('save').addEventListener('click', async () => {
      const r = await postJson('/api/scenarios', { name: document.getElementById('save-name').value, text: ta.value });
      document.getElementById('saved').textContent = r.status === 200 ? 'saved as ' + r.data.file : 'not saved: ' + (r.data.title || r.data.error || r.status);
    });

    const fans = document.getElementById('fans');
    const charts = {};
    const runError = document.getElementById('run-error');
    const progress = document.getElementById('progress');
    const progressText = document.getElementById('progress-text');
    const cancelButton = document.getElementById('cancel');
    let runningId = null;

    // Cancel: the server stops the run after the replication in hand; the runs already computed stay
    // stored (the sweep is marked interrupted, as after Ctrl-C) and the 'cancelled' event follows.
    cancelButton.addEventListener('click', async () => {
      if (!runningId) { return; }
      cancelButton.disabled = true;
      progressText.textContent = 'cancelling...';
      const r = await postJson('/api/runs/' + encodeURIComponent(runningId) + '/cancel', {});
      if (r.status !== 200 && r.status !== 409) { runError.textContent = 'not cancelled: ' + (r.data.error || r.data.title || r.status); }
    });

    function drawFan(snap) {
      // Past 2,000 completed runs the server draws the first 2,000 (a fair sample: runs are independent draws).
      const title = b => b.metric + ' (' + b.description + ')' + (snap.capped ? ', first ' + human(snap.runs) + ' runs' : '');
      snap.bands.forEach(b => {
        let c = charts[b.metric];
        if (!c) {
          const box = el('div', { class: 'chart-box', 'data-metric': b.metric });
          box.appendChild(el('h3', {}, title(b)));
          const wrap = el('div', { class: 'canvas-wrap' });
          const canvas = el('canvas', { id: 'fan-' + b.metric });
          wrap.appendChild(canvas);
          box.appendChild(wrap);
          fans.appendChild(box);
          const ds = (name, data, fill, color, width) => ({
            label: name, data: data, fill: fill, borderColor: color, backgroundColor: color,
            borderWidth: width, pointRadius: 0, tension: 0
          });
          c = new Chart(canvas, {
            type: 'line',
            data: {
              labels: snap.dates,
              datasets: [
                ds('5%', b.p05, false, 'rgba(31,119,180,0.15)', 0),
                ds('90% band', b.p95, 0, 'rgba(31,119,180,0.15)', 0),
                ds('25%', b.p25, false, 'rgba(31,119,180,0.35)', 0),
                ds('50% band', b.p75, 2, 'rgba(31,119,180,0.35)', 0),
                ds('median', b.p50, false, 'rgb(31,119,180)', 2)
              ]
            },
            options: {
              animation: false, responsive: true, maintainAspectRatio: false, devicePixelRatio: 1,
              interaction: { mode: 'index', intersect: false },
              plugins: { legend: { labels: { filter: i => i.text !== '5%' && i.text !== '25%' } } },
              scales: { x: { ticks: { maxTicksLimit: 8 } }, y: { beginAtZero: true } }
            }
          });
          charts[b.metric] = c;
        } else {
          c.data.labels = snap.dates;
          [b.p05, b.p95, b.p25, b.p75, b.p50].forEach((d, i) => { c.data.datasets[i].data = d; });
          c.update('none');
        }
        const box = c.canvas.parentNode.parentNode;
        box.dataset.runs = String(snap.runs);
        box.querySelector('h3').textContent = title(b);
      });
      fans.dataset.updates = String(Number(fans.dataset.updates) + 1);
      fans.dataset.runs = String(snap.runs);
      fans.dataset.capped = String(snap.capped);
      fans.dataset.history = (fans.dataset.history ? fans.dataset.history + ',' : '') + snap.runs;
    }

    function downloads(run) {
      const box = document.getElementById('downloads');
      box.replaceChildren(el('h3', {}, 'Download ' + run));
      ['csv', 'parquet'].forEach(format => {
        const p = el('p', {}, format + ': ');
        ['series', 'kpis', 'runs', 'sweep'].forEach(t => {
          const a = el('a', {
            class: 'download', 'data-format': format, 'data-table': t,
            href: '/download?run=' + encodeURIComponent(run) + '&table=' + t + '&format=' + format
          }, t + '.' + format);
          p.appendChild(a);
          p.appendChild(document.createTextNode(' '));
        });
        box.appendChild(p);
      });
      const r = el('p', {}, 'report: ');
      r.appendChild(el('a', {
        class: 'download', 'data-format': 'html', 'data-table': 'report',
        href: '/download?run=' + encodeURIComponent(run) + '&table=report'
      }, 'report.html'));
      box.appendChild(r);
    }

    document.getElementById('run-form').addEventListener('submit', async ev => {
      ev.preventDefault();
      runError.textContent = '';
      document.getElementById('summary').replaceChildren();
      document.getElementById('downloads').replaceChildren();
      Object.keys(charts).forEach(k => { charts[k].destroy(); delete charts[k]; });
      fans.replaceChildren();
      fans.dataset.updates = '0';
      fans.dataset.runs = '0';
      fans.dataset.history = '';
      delete fans.dataset.firstUpdateMs;
      fans.dataset.state = 'starting';
      const started = performance.now();
      const r = await postJson('/api/runs', {
        text: ta.value, [origin.kind]: origin.name,
        mode: document.getElementById('mode').value,
        replications: numberField('replications'),
        days: numberField('days'),
        seed: numberField('seed')
      });
      if (r.status === 422) { show({ ok: false, problems: r.data.problems }); runError.textContent = 'fix the problems first'; fans.dataset.state = 'rejected'; return; }
      if (r.status !== 202) { runError.textContent = r.data.error || r.data.title || ('HTTP ' + r.status); fans.dataset.state = 'rejected'; return; }
      fans.dataset.state = 'running';
      fans.dataset.run = r.data.run;
      runningId = r.data.id;
      fans.dataset.id = r.data.id;
      cancelButton.disabled = false;
      const ended = () => { runningId = null; cancelButton.disabled = true; };
      const es = new EventSource(r.data.events);
      es.addEventListener('progress', e => {
        const p = JSON.parse(e.data);
        progress.max = p.total; progress.value = p.done;
        progressText.textContent = p.done + ' / ' + p.total + ' runs';
      });
      // Draw the first update at once, then at most once a second (the latest one), so drawing never
      // competes much with the simulation for the CPU.
      let pending = null;
      let timer = null;
      const flush = () => { timer = null; if (pending) { const s = pending; pending = null; drawFan(s); timer = setTimeout(flush, 1000); } };
      es.addEventListener('fan', e => {
        if (fans.dataset.firstUpdateMs === undefined) { fans.dataset.firstUpdateMs = String(Math.round(performance.now() - started)); }
        pending = JSON.parse(e.data);
        if (timer === null) { flush(); }
      });
      es.addEventListener('done', e => {
        es.close();
        ended();
        clearTimeout(timer);
        timer = null;
        flush();
        clearTimeout(timer);
        const d = JSON.parse(e.data);
        progress.value = progress.max;
        progressText.textContent = d.runs + ' runs in ' + d.seconds.toFixed(1) + ' s (first chart after ' + d.first_chart_seconds.toFixed(2) + ' s)';
        const sum = document.getElementById('summary');
        sum.replaceChildren(el('h3', {}, 'At the horizon, across ' + d.runs + ' completed replications'),
          table(['outcome', 'median', '5-95% range'], d.rows.map(x => [x.metric, human(x.median), human(x.q05) + ' - ' + human(x.q95)])));
        if (d.failed > 0) { sum.appendChild(el('p', { class: 'error' }, d.failed + ' run(s) failed and are left out')); }
        downloads(d.run);
        fans.dataset.doneMs = String(Math.round(performance.now() - started));
        fans.dataset.serverSeconds = String(d.seconds);
        fans.dataset.state = 'done';
      });
      es.addEventListener('failed', e => {
        es.close();
        ended();
        runError.textContent = 'run failed: ' + JSON.parse(e.data).error;
        fans.dataset.state = 'failed';
      });
      es.addEventListener('cancelled', e => {
        es.close();
        ended();
        clearTimeout(timer);
        timer = null;
        const d = JSON.parse(e.data);
        progressText.textContent = 'cancelled after ' + d.stored + ' of ' + d.total + ' runs';
        runError.textContent = d.stored === 0 ? 'cancelled before any run was stored'
          : 'cancelled: the ' + d.stored + ' runs computed are stored in results/' + d.run
            + ' (marked interrupted; resolve run --resume can continue it)';
        fans.dataset.state = 'cancelled';
      });
    });
  }

  // ---------------------------------------------------------------- compare
  function comparePage() {
    let chart = null;
    document.getElementById('compare-form').addEventListener('submit', async ev => {
      ev.preventDefault();
      const status = document.getElementById('compare-status');
      status.textContent = 'running...';
      const r = await postJson('/api/compare', {
        baseline: document.getElementById('baseline').value, scenario: document.getElementById('scenario').value,
        mode: document.getElementById('mode').value, replications: numberField('replications'),
        days: numberField('days')
      });
      if (r.status !== 200) { status.textContent = 'error: ' + (r.data.error || (r.data.problems || []).map(p => p.message).join('; ') || r.status); return; }
      const d = r.data;
      status.textContent = d.scenario + ' minus ' + d.baseline + ', paired over ' + d.replications + ' replications (common random numbers), '
        + d.seconds.toFixed(1) + ' s';
      document.getElementById('compare-result').replaceChildren(table(
        ['outcome', 'baseline', 'scenario', 'difference', '95% interval of mean', '5-95% of differences'],
        d.rows.map(x => [x.metric, human(x.baseline_mean), human(x.scenario_mean), signed(x.mean_difference),
          '[' + signed(x.ci_low) + ', ' + signed(x.ci_high) + ']', '[' + signed(x.q05) + ', ' + signed(x.q95) + ']'])));
      const rows = d.rows.filter(x => x.metric !== 'regime_revenue_usd');
      if (chart) { chart.destroy(); }
      chart = new Chart(document.getElementById('compare-chart'), {
        type: 'bar',
        data: {
          labels: rows.map(x => x.metric),
          datasets: [
            { label: 'mean difference', data: rows.map(x => x.mean_difference), backgroundColor: 'rgba(31,119,180,0.7)' },
            { label: '95% interval low', data: rows.map(x => x.ci_low), backgroundColor: 'rgba(31,119,180,0.25)' },
            { label: '95% interval high', data: rows.map(x => x.ci_high), backgroundColor: 'rgba(31,119,180,0.25)' }
          ]
        },
        options: { animation: false, indexAxis: 'y', responsive: true, maintainAspectRatio: false }
      });
    });
  }

  // ---------------------------------------------------------------- sensitivity
  function sensitivityPage() {
    let chart = null;
    let result = null;
    const outcome = document.getElementById('outcome');

    function draw() {
      const m = result.metrics.find(x => x.metric === outcome.value) || result.metrics[0];
      const eff = m.effects;
      if (chart) { chart.destroy(); }
      chart = new Chart(document.getElementById('sensitivity-chart'), {
        type: 'bar',
        data: { labels: eff.map(e => e.factor), datasets: [{ label: 'mu* of ' + m.metric, data: eff.map(e => e.mu_star), backgroundColor: 'rgba(31,119,180,0.7)' }] },
        options: { animation: false, indexAxis: 'y', responsive: true, maintainAspectRatio: false }
      });
      document.getElementById('sensitivity-result').replaceChildren(table(['factor', 'mu*', 'mu* interval', 'mu', 'sigma'],
        eff.map(e => [e.factor, human(e.mu_star), '[' + human(e.mu_star_ci_low) + ', ' + human(e.mu_star_ci_high) + ']', human(e.mu), human(e.sigma)])));
    }

    outcome.addEventListener('change', () => { if (result) { draw(); } });
    document.getElementById('sensitivity-form').addEventListener('submit', async ev => {
      ev.preventDefault();
      const status = document.getElementById('sensitivity-status');
      status.textContent = 'running...';
      const r = await postJson('/api/sensitivity', {
        scenario: document.getElementById('scenario').value, mode: document.getElementById('mode').value,
        trajectories: numberField('trajectories'), days: numberField('days')
      });
      if (r.status !== 200) { status.textContent = 'error: ' + (r.data.error || (r.data.problems || []).map(p => p.message).join('; ') || r.status); return; }
      result = r.data;
      status.textContent = result.scenario + ': ' + result.factors + ' factors, ' + result.runs + ' runs in ' + result.seconds.toFixed(1)
        + ' s; stored in results/' + result.run;
      outcome.replaceChildren(...result.metrics.map(m => el('option', { value: m.metric }, m.metric)));
      draw();
    });
  }

  if (page === 'editor') { editorPage(); }
  if (page === 'compare') { comparePage(); }
  if (page === 'sensitivity') { sensitivityPage(); }
})();
