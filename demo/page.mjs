// The demo page (served by the page origin): one button per scenario, plus window.runAll(nonce)
// and window.runScenario(id, nonce) for scripts and end-to-end tests.
import { scenarios } from './scenarios.mjs';

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** `callOrigins`: scenario id → the origin it is called on instead of `apiOrigin` (AWS host names). */
export function demoPage({ apiOrigin, pageOrigin, callOrigins = {} }) {
  const calls = scenarios.map(({ id, title, expect, note, call }) => ({ id, title, expect, note, call, ...(callOrigins[id] ? { origin: callOrigins[id] } : {}) }));
  const rows = calls
    .map(
      (s) => `<tr id="s-${s.id}">
        <td><button type="button" data-id="${s.id}">${escapeHtml(s.call.method)}</button></td>
        <td><b>${escapeHtml(s.title)}</b><div class="note">${escapeHtml(s.note)}</div>${s.origin ? `<div class="note"><code>${escapeHtml(new URL(s.origin).host)}</code></div>` : ''}</td>
        <td><code>${escapeHtml(s.expect)}</code></td>
        <td class="result" aria-live="polite"></td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CORS Lens demo</title>
<style>
  body { font: 14px system-ui, sans-serif; margin: 16px; max-width: 1000px; }
  table { border-collapse: collapse; width: 100%; } td, th { border-bottom: 1px solid #ddd; padding: 4px 6px; text-align: left; vertical-align: top; }
  .note { color: #666; font-size: 12px; } code { font-size: 12px; } .ok { color: #188038; } .err { color: #d93025; }
</style></head>
<body>
<h1>CORS Lens demo</h1>
<p>This page (<code>${escapeHtml(pageOrigin)}</code>) calls an API on another origin (<code>${escapeHtml(apiOrigin)}</code>).
Open DevTools → <b>CORS</b> and press a button, or <button type="button" id="run-all">Run all</button>.</p>
<table><thead><tr><th></th><th>Scenario</th><th>Chrome reports</th><th>What the page saw</th></tr></thead>
<tbody>${rows}</tbody></table>
<script>
const API = ${JSON.stringify(apiOrigin)};
const SCENARIOS = ${JSON.stringify(calls)};
async function callOnce(s, nonce) {
  const base = s.call.sameOrigin ? location.origin + '/local' : (s.origin || API);
  const url = base + '/s/' + s.id + '?run=' + encodeURIComponent(nonce);
  const init = { method: s.call.method, headers: s.call.headers || {}, credentials: s.call.credentials || 'same-origin' };
  if (s.call.body !== undefined) init.body = s.call.body;
  try {
    const r = await fetch(url, init);
    if (s.call.readBody !== false) await r.text();
    return { id: s.id, ok: true, status: r.status };
  } catch (e) {
    return { id: s.id, ok: false, error: String(e) };
  }
}
async function runScenario(id, nonce = Date.now()) {
  const s = SCENARIOS.find((x) => x.id === id);
  if (!s) throw new Error('no scenario ' + id);
  const results = [];
  for (let i = 0; i < (s.call.times || 1); i++) results.push(await callOnce(s, nonce));
  const cell = document.querySelector('#s-' + id + ' .result');
  cell.textContent = results.map((r) => (r.ok ? r.status : 'TypeError (blocked)')).join(', ');
  cell.className = 'result ' + (results.every((r) => r.ok) ? 'ok' : 'err');
  return results;
}
async function runAll(nonce = Date.now()) {
  const all = [];
  for (const s of SCENARIOS) all.push(...(await runScenario(s.id, nonce)));
  return all;
}
window.scenarios = SCENARIOS; window.runScenario = runScenario; window.runAll = runAll;
document.addEventListener('click', (e) => {
  const id = e.target.dataset && e.target.dataset.id;
  if (id) runScenario(id);
  if (e.target.id === 'run-all') runAll();
});
</script>
</body></html>`;
}
