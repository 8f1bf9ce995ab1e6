// Shared machinery of the real-Chromium generators:
//   scripts/generate-browser-truth.mjs  (CORS matrix, loopback origins)
//   scripts/generate-aws-fixtures.mjs   (AWS-shaped answers on AWS host names mapped to loopback)
//
// - launchTruthBrowser(): Chromium via puppeteer-core with the recorder extension loaded and the
//   flags that keep it off the network;
// - createCdpTracker(): Network.* / Audits.issueAdded bookkeeping per CDP request id, so a fetch can
//   be matched to Chromium's own verdict (Network.loadingFailed.corsErrorStatus);
// - openRecorder(): DevTools opened on the page, the recorder extension's devtools page found in
//   it, and chrome.devtools.network.getHAR() (plus optional getContent() bodies) read from it;
// - truthOf(): the `truth` and `cdp` records a fixture stores for one fetch.

import puppeteer from 'puppeteer-core';

export const DEFAULT_CHROME = '/usr/lib/chromium/chromium';
/** Flags every run passes: no sandbox/GPU, and no traffic to Google services (no internet here). */
export const QUIET_CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `fn` until it returns a truthy value or the timeout passes.
 * @template T @param {() => T | Promise<T>} fn @param {number} timeoutMs @param {number} [everyMs]
 * @returns {Promise<T | undefined>}
 */
export async function poll(fn, timeoutMs, everyMs = 5) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) return undefined;
    await sleep(everyMs);
  }
}

/**
 * @param {{ chrome?: string, extension: string, userDataDir: string, args?: string[], headed?: boolean }} o
 */
export function launchTruthBrowser({ chrome = DEFAULT_CHROME, extension, userDataDir, args = [], headed = false }) {
  return puppeteer.launch({
    executablePath: chrome,
    headless: !headed,
    enableExtensions: true,
    handleDevToolsAsPage: true,
    defaultViewport: null,
    userDataDir,
    args: [...QUIET_CHROMIUM_FLAGS, `--load-extension=${extension}`, `--disable-extensions-except=${extension}`, ...args],
  });
}

// ---------------------------------------------------------------------------------------
// CDP bookkeeping

/**
 * @typedef {object} CdpRequest
 * @property {string} requestId
 * @property {number} order
 * @property {string[]} urls           one per hop (redirects reuse the requestId)
 * @property {string} method           method of the last hop
 * @property {string} firstMethod      method of the first hop (as sent: after fetch()'s normalisation)
 * @property {string|undefined} type
 * @property {any} initiator
 * @property {boolean} isPreflight
 * @property {string|null} preflightOf requestId of the actual request (for preflights)
 * @property {string[]} preflights     requestIds of this request's preflights
 * @property {number|null} responseStatus  Network.responseReceived status
 * @property {number|null} extraStatus     last Network.responseReceivedExtraInfo statusCode
 * @property {any} failed              the Network.loadingFailed event
 * @property {boolean} finished
 * @property {boolean} claimed
 * @property {any[]} issues            Audits.issueAdded details referring to this request
 * @property {string} session          which CDP session saw it ('page', 'Q', 'L', 'sw', ...)
 */

export function createCdpTracker() {
  /** @type {Map<string, CdpRequest>} */
  const requests = new Map();
  /** @type {any[]} issues without a request id (some carry a URL, some nothing) */
  const orphanIssues = [];
  let order = 0;
  /** "<scenario id>#<seq>" of the fetch in flight (to attribute issues that carry no request id) */
  let currentFetch = '';

  /** @param {string} id @returns {CdpRequest} */
  const req = (id) => {
    let r = requests.get(id);
    if (!r) {
      r = {
        requestId: id, order: Infinity, urls: [], method: '', firstMethod: '', type: undefined, initiator: null, isPreflight: false,
        preflightOf: null, preflights: [], responseStatus: null, extraStatus: null, failed: null, finished: false, claimed: false, issues: [],
        session: '',
      };
      requests.set(id, r);
    }
    return r;
  };

  /** @param {import('puppeteer-core').CDPSession} cdp @param {string} sessionName */
  const attach = (cdp, sessionName) => {
    cdp.on('Network.requestWillBeSent', (e) => {
      const r = req(e.requestId);
      r.session = sessionName;
      if (r.order === Infinity) r.order = order++;
      r.urls.push(e.request.url);
      r.method = e.request.method;
      if (!r.firstMethod) r.firstMethod = e.request.method;
      r.type = e.type;
      if (!r.initiator) r.initiator = e.initiator;
      if (e.initiator?.type === 'preflight') {
        r.isPreflight = true;
        r.preflightOf = e.initiator.requestId || null;
        if (r.preflightOf) {
          const actual = req(r.preflightOf);
          if (!actual.preflights.includes(e.requestId)) actual.preflights.push(e.requestId);
        }
      }
    });
    cdp.on('Network.responseReceived', (e) => {
      const r = req(e.requestId);
      r.responseStatus = e.response.status;
      if (e.type === 'Preflight') r.isPreflight = true;
    });
    cdp.on('Network.responseReceivedExtraInfo', (e) => {
      req(e.requestId).extraStatus = e.statusCode;
    });
    cdp.on('Network.loadingFinished', (e) => {
      req(e.requestId).finished = true;
    });
    cdp.on('Network.loadingFailed', (e) => {
      req(e.requestId).failed = e;
    });
    // WebSocket handshakes have events of their own (no requestWillBeSent / loadingFinished).
    cdp.on('Network.webSocketCreated', (e) => {
      const r = req(e.requestId);
      r.session = sessionName;
      if (r.order === Infinity) r.order = order++;
      r.urls.push(e.url);
      r.method = r.firstMethod = 'GET';
      r.type = 'WebSocket';
      r.initiator = e.initiator ?? null;
    });
    cdp.on('Network.webSocketHandshakeResponseReceived', (e) => {
      const r = req(e.requestId);
      r.responseStatus = e.response.status;
      if (e.response.status === 101) r.finished = true;
      else r.failed ??= { errorText: `WebSocket handshake answered ${e.response.status}` };
    });
    cdp.on('Network.webSocketFrameError', (e) => {
      const r = req(e.requestId);
      if (!r.finished) r.failed ??= { errorText: e.errorMessage };
    });
    cdp.on('Network.webSocketClosed', (e) => {
      const r = req(e.requestId);
      if (!r.finished) r.failed ??= { errorText: 'WebSocket closed before the handshake completed' };
    });
    cdp.on('Audits.issueAdded', (e) => {
      const issue = e.issue;
      const d = issue.details || {};
      const inner = Object.values(d)[0] || {};
      const reqId = inner.request?.requestId;
      const rec = { code: issue.code, details: d, during: currentFetch };
      if (reqId) req(reqId).issues.push(rec);
      else orphanIssues.push(rec);
    });
  };

  /**
   * Issues without request id or URL (e.g. DeprecationIssue AuthorizationCoveredByWildcard)
   * that arrived while the given fetch was in flight.
   * @param {string} fetchKey
   */
  const takeUnattributedIssues = (fetchKey) => {
    const out = [];
    for (const i of orphanIssues) {
      if (i.claimed || i.during !== fetchKey || i.details?.corsIssueDetails?.request?.url) continue;
      i.claimed = true;
      out.push({ code: i.code, details: i.details });
    }
    return out;
  };

  /**
   * Waits for the CDP record of a fetch of `url` the page just made: the first unclaimed,
   * non-preflight request whose first hop is this URL, once it has finished or failed. When
   * nothing reached the network, an Audits CorsIssue for the URL (it has no request id), or
   * 'none' after 400 ms.
   * @param {string} url @param {string} jsOutcome
   * @returns {Promise<CdpRequest | {issue: any} | 'none' | undefined>}
   */
  const awaitFetch = (url, jsOutcome) => {
    const t = Date.now();
    return poll(() => {
      const cands = [...requests.values()]
        .filter((r) => !r.claimed && !r.isPreflight && r.session !== 'sw' && r.urls[0] === url)
        .sort((a, b) => a.order - b.order);
      const c = cands[0];
      if (c && (c.finished || c.failed)) return c;
      if (!c && jsOutcome !== 'ok') {
        const issue = orphanIssues.find((i) => !i.claimed && i.details?.corsIssueDetails?.request?.url === url);
        if (issue) return /** @type {any} */ ({ issue });
        if (Date.now() - t > 400) return /** @type {const} */ ('none');
      }
      return undefined;
    }, 5000);
  };

  return {
    requests,
    orphanIssues,
    attach,
    takeUnattributedIssues,
    awaitFetch,
    /** @param {string} key */
    setCurrentFetch: (key) => { currentFetch = key; },
  };
}

/**
 * The `truth` (Chromium's verdict) and `cdp` (what CDP saw) records of one fetch, from what
 * `awaitFetch` returned. Claims the request and its issues.
 * @param {ReturnType<typeof createCdpTracker>} tracker
 * @param {CdpRequest | {issue: any} | 'none' | undefined} rec
 * @param {string} fetchKey
 */
export function truthOf(tracker, rec, fetchKey) {
  /** @type {any} */
  let truth;
  /** @type {any} */
  let cdpInfo;
  if (rec && /** @type {any} */ (rec).issue) {
    const issue = /** @type {any} */ (rec).issue;
    issue.claimed = true;
    const ces = issue.details.corsIssueDetails.corsErrorStatus;
    truth = { outcome: 'blocked', corsError: ces.corsError, failedParameter: ces.failedParameter ?? null, errorText: null, blockedReason: null, source: 'audits-issue' };
    cdpInfo = { requestId: null, preflightRequestId: null, responseStatusSeen: null, issues: [{ code: issue.code, details: issue.details }] };
  } else if (!rec || rec === 'none') {
    truth = { outcome: rec === 'none' ? 'not-sent' : 'unknown', corsError: null, failedParameter: null, errorText: null, blockedReason: null, source: 'none' };
    cdpInfo = { requestId: null, preflightRequestId: null, responseStatusSeen: null };
  } else {
    const r = /** @type {CdpRequest} */ (rec);
    r.claimed = true;
    const fail = r.failed;
    const ces = fail?.corsErrorStatus;
    truth = {
      outcome: fail ? (ces ? 'blocked' : 'network-error') : 'allowed',
      corsError: ces?.corsError ?? null,
      failedParameter: ces ? ces.failedParameter ?? null : null,
      errorText: fail?.errorText ?? null,
      blockedReason: fail?.blockedReason ?? null,
      source: fail ? 'loadingFailed' : 'loadingFinished',
    };
    const preflightIds = r.preflights;
    cdpInfo = {
      requestId: r.requestId,
      preflightRequestId: preflightIds.length ? preflightIds[preflightIds.length - 1] : null,
      ...(preflightIds.length > 1 ? { preflightRequestIds: preflightIds } : {}),
      responseStatusSeen: r.extraStatus ?? r.responseStatus ?? null,
      hops: r.urls,
      finalMethod: r.method,
      type: r.type ?? null,
      preflights: preflightIds.map((pid) => {
        const p = tracker.requests.get(pid);
        return { requestId: pid, url: p?.urls[0] ?? null, status: p?.extraStatus ?? p?.responseStatus ?? null, failed: p?.failed ? p.failed.errorText : null };
      }),
      issues: [...r.issues.map(({ code, details }) => ({ code, details })), ...tracker.takeUnattributedIssues(fetchKey)],
    };
  }
  return { truth, cdpInfo };
}

// ---------------------------------------------------------------------------------------
// DevTools + recorder extension

/**
 * Opens DevTools on `page` (getHAR() returns everything DevTools logged since) and returns
 * accessors for the recorder extension's devtools page, which shows up a few seconds later.
 * @param {import('puppeteer-core').Page} page
 */
export async function openRecorder(page) {
  const devtools = await page.openDevTools();
  /** @returns {import('puppeteer-core').Frame|undefined} */
  const frame = () =>
    devtools.frames().find((fr) => fr.url().startsWith('chrome-extension://') && fr.url().endsWith('/devtools.html') && !fr.detached);
  const ready = poll(async () => {
    const fr = frame();
    if (!fr) return false;
    try { return await fr.evaluate(() => /** @type {any} */ (window).recorderReady === true); } catch { return false; }
  }, 30_000, 50);

  /**
   * Polls until DevTools has logged `expected` entries among those `mine(url)` selects, or the
   * count has not changed for a second (DevTools does not log every hop CDP reports, e.g. an
   * aborted redirect hop). Returns whether the count was reached/stable, and the count.
   * @param {(url: string) => boolean} mine @param {number} expected @param {(fr: import('puppeteer-core').Frame) => Promise<boolean>} [alsoDone]
   */
  const settle = async (mine, expected, alsoDone) => {
    let lastCount = -1;
    let stableSince = Date.now();
    const ok = await poll(async () => {
      const fr = frame();
      if (!fr) return false;
      /** @type {string[]} */
      let urls;
      try { urls = await fr.evaluate(() => /** @type {any} */ (window).recorderGetHARUrls()); } catch { return false; }
      const n = urls.filter((u) => mine(u)).length;
      if (n !== lastCount) { lastCount = n; stableSince = Date.now(); }
      const countOk = n >= expected || Date.now() - stableSince > 1000;
      return countOk && (!alsoDone || (await alsoDone(fr).catch(() => false)));
    }, 15_000, 100);
    return { ok: Boolean(ok), count: lastCount };
  };

  /** @returns {Promise<any>} the HAR log exactly as chrome.devtools.network.getHAR() returns it */
  const getHAR = async () => {
    const fr = frame();
    if (!fr) throw new Error('recorder frame vanished');
    return fr.evaluate(() => /** @type {any} */ (window).recorderGetHAR());
  };

  return {
    devtools,
    frame,
    ready,
    settle,
    getHAR,
    /** Starts calling getContent() in onRequestFinished (opt-in: the browser-truth run does not). */
    enableBodies: async () => {
      const fr = frame();
      if (!fr) throw new Error('recorder frame not ready');
      await fr.evaluate(() => /** @type {any} */ (window).recorderEnableBodies());
    },
    /** @returns {Promise<Array<{key: string, content: string|null, encoding: string|null, settled: boolean}>>} */
    getBodies: async () => {
      const fr = frame();
      if (!fr) throw new Error('recorder frame vanished');
      return fr.evaluate(() => /** @type {any} */ (window).recorderGetBodies());
    },
  };
}

/** Key joining an onRequestFinished entry to its getHAR() twin. */
export const entryKey = (/** @type {any} */ e) => `${e.request.method} ${e.request.url} ${e.startedDateTime}`;
