// The page both truth servers serve at "/": it defines window.__truthFetch, which the generators call to issue
// one fetch and report what JavaScript could observe. The body is always read so that successful requests
// finish (DevTools/CDP only log loadingFinished after the body). `init.bodyBytes` builds a large upload here
// rather than shipping it through CDP.
export function truthPageHtml(/** @type {string} */ title) {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${title}</title></head>
<body><h1>${title} page</h1>
<script>
// init.kind (kinds-scenarios.mjs) loads the URL another way than fetch(): an element (img, script, module
// script, stylesheet, iframe, each with init.crossorigin if set), EventSource, sendBeacon, XMLHttpRequest,
// FontFace or WebSocket. It resolves with what the page could tell: load / error / open.
window.__truthLoad = function truthLoad(url, init) {
  return new Promise((resolve) => {
    let settled = false;
    const done = (jsOutcome) => {
      if (settled) return;
      settled = true;
      resolve({ jsOutcome, status: null, type: init.kind, redirected: null, responseUrl: null });
    };
    setTimeout(() => done('timeout'), 5000);
    const element = (tag, attrs) => {
      const el = document.createElement(tag);
      if (init.crossorigin) el.crossOrigin = init.crossorigin;
      Object.assign(el, attrs);
      el.onload = () => done(tag === 'iframe' ? 'load' : 'ok');
      el.onerror = () => done('error');
      document.body.append(el);
    };
    try {
      switch (init.kind) {
        case 'img': element('img', { src: url }); break;
        case 'script': element('script', { src: url }); break;
        case 'module-script': element('script', { type: 'module', src: url }); break;
        case 'stylesheet': element('link', { rel: 'stylesheet', href: url }); break;
        case 'iframe': element('iframe', { src: url }); break;
        case 'eventsource': {
          const es = new EventSource(url, { withCredentials: init.credentials === 'include' });
          es.onopen = () => { es.close(); done('open'); };
          es.onerror = () => { es.close(); done('error'); };
          break;
        }
        case 'beacon': {
          const body = init.body === undefined ? undefined : new Blob([init.body], { type: init.contentType || 'text/plain' });
          done(navigator.sendBeacon(url, body) ? 'queued' : 'refused');
          break;
        }
        case 'xhr': {
          const x = new XMLHttpRequest();
          x.open(init.method || 'GET', url);
          x.withCredentials = init.credentials === 'include';
          x.onload = () => done('ok ' + x.status);
          x.onerror = () => done('error');
          x.send();
          break;
        }
        case 'font':
          new FontFace('truth-' + Math.random().toString(36).slice(2), 'url(' + url + ')').load().then(() => done('ok'), (e) => done('error ' + e));
          break;
        case 'websocket': {
          const ws = new WebSocket(url);
          ws.onopen = () => { done('open'); ws.close(); };
          ws.onerror = () => done('error');
          break;
        }
        default: done('unknown kind ' + init.kind);
      }
    } catch (e) {
      done(String(e));
    }
  });
};
window.__truthFetch = async function truthFetch(url, init) {
  if (init.kind && init.kind !== 'fetch') return window.__truthLoad(url, init);
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
