// The page both truth servers serve at "/": it defines window.__truthFetch, which the generators call to issue
// one fetch and report what JavaScript could observe. The body is always read so that successful requests
// finish (DevTools/CDP only log loadingFinished after the body). `init.bodyBytes` builds a large upload here
// rather than shipping it through CDP.
export function truthPageHtml(/** @type {string} */ title) {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${title}</title></head>
<body><h1>${title} page</h1>
<script>
window.__truthFetch = async function truthFetch(url, init) {
  if (init.bodyBytes) { init = { ...init, body: 'A'.repeat(init.bodyBytes) }; delete init.bodyBytes; }
  try {
    const r = await fetch(url, init);
    let bodyError = null;
    try { await r.text(); } catch (e) { bodyError = String(e); }
    return { jsOutcome: bodyError ? 'body ' + bodyError : 'ok', status: r.status, type: r.type,
             redirected: r.redirected, responseUrl: r.url };
  } catch (e) {
    return { jsOutcome: String(e), status: null, type: null, redirected: null, responseUrl: null };
  }
};
</script></body></html>`;
}
