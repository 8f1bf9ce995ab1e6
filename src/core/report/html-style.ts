// The HTML report's only stylesheet, inline (the report's CSP allows inline styles and nothing else).
// Colours follow DevTools' light and dark themes.
export const REPORT_CSS = `
:root { color-scheme: light dark; --bg: #fff; --fg: #1f1f1f; --muted: #5f6368; --line: #dadce0; --head: #f1f3f4;
  --ok: #188038; --bad: #d93025; --warn: #b06000; --accent: #1a73e8; --code: #f8f9fa; }
@media (prefers-color-scheme: dark) { :root { --bg: #202124; --fg: #e8eaed; --muted: #9aa0a6; --line: #3c4043; --head: #292a2d;
  --ok: #81c995; --bad: #f28b82; --warn: #fdd663; --accent: #8ab4f8; --code: #2a2b2e; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 12px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
header.toolbar { position: sticky; top: 0; background: var(--head); border-bottom: 1px solid var(--line); padding: 6px 12px; display: flex; gap: 16px; align-items: baseline; flex-wrap: wrap; }
h1 { font-size: 13px; margin: 0; }
h2 { font-size: 13px; margin: 0 0 6px; word-break: break-all; }
h3 { font-size: 12px; margin: 12px 0 4px; }
main { padding: 8px 12px 32px; }
.muted { color: var(--muted); }
.note { border-left: 3px solid var(--warn); padding: 4px 8px; background: var(--code); margin: 8px 0; }
.note.bad { border-color: var(--bad); }
table.grid { border-collapse: collapse; width: 100%; margin: 4px 0 12px; }
table.grid th, table.grid td { border: 1px solid var(--line); padding: 2px 6px; text-align: left; vertical-align: top; word-break: break-all; }
table.grid td.nw { white-space: nowrap; word-break: normal; }
table.grid th { background: var(--head); font-weight: 500; white-space: nowrap; }
.mono, code, pre, dd { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 11px; }
section.exchange { border: 1px solid var(--line); border-radius: 4px; padding: 8px 12px; margin: 12px 0; }
details { margin: 4px 0; }
summary { cursor: pointer; font-weight: 500; padding: 2px 0; }
dl.kv { display: grid; grid-template-columns: minmax(140px, max-content) 1fr; gap: 1px 12px; margin: 2px 0 6px 14px; }
dl.kv dt { color: var(--muted); font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 11px; }
dl.kv dd { margin: 0; word-break: break-all; white-space: pre-wrap; }
dl.kv .cors { color: var(--accent); font-weight: 600; }
.chip { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 11px; font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
.v-allowed, .c-ok { color: var(--ok); }
.v-blocked, .c-missing, .c-mismatched { color: var(--bad); }
.v-unknown, .c-invalid { color: var(--warn); }
.v-not-cors, .c-not-needed, .c-not-observed { color: var(--muted); }
pre { background: var(--code); border: 1px solid var(--line); padding: 6px 8px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
ul { margin: 2px 0 8px; padding-left: 20px; }
a { color: var(--accent); }
`;
