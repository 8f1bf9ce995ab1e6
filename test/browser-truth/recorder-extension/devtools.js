// Test-only DevTools page of the browser-truth recorder extension.
// The generators (scripts/generate-browser-truth.mjs, scripts/generate-aws-fixtures.mjs) find
// this page's frame inside the DevTools window (devtools.frames()) and evaluate the functions
// below in it. getHAR() returns everything DevTools logged since it was opened, so nothing needs
// to be recorded here; the entry counter only lets a generator poll for "settled".
//
// Bodies: getHAR() never carries response bodies. A DevTools extension (like CORS Lens's
// capture hub) gets them by calling entry.getContent() in onRequestFinished. That is opt-in
// (recorderEnableBodies) so that the browser-truth run does exactly what it always did.

/* global chrome */
window.recorderReady = true;
window.finishedCount = 0;
let bodiesEnabled = false;
/** @type {Map<string, {key: string, content: string|null, encoding: string|null, settled: boolean}>} */
const bodies = new Map();
const keyOf = (e) => `${e.request.method} ${e.request.url} ${e.startedDateTime}`;

chrome.devtools.network.onRequestFinished.addListener((entry) => {
  window.finishedCount += 1;
  if (!bodiesEnabled) return;
  const key = keyOf(entry);
  const rec = { key, content: null, encoding: null, settled: false };
  bodies.set(key, rec);
  entry.getContent((content, encoding) => {
    rec.content = typeof content === 'string' ? content : null;
    rec.encoding = encoding || null;
    rec.settled = true;
  });
});

window.recorderEnableBodies = () => {
  bodiesEnabled = true;
  return true;
};

/** Every getContent() result so far (settled: the callback has run). */
window.recorderGetBodies = () => [...bodies.values()].map((b) => ({ ...b }));

/**
 * The HAR log exactly as the DevTools extension API returns it.
 * @returns {Promise<object>}
 */
window.recorderGetHAR = () =>
  new Promise((resolve) => {
    chrome.devtools.network.getHAR((log) => resolve(JSON.parse(JSON.stringify(log))));
  });

/**
 * Only the URLs (cheap way to poll until DevTools has logged the expected entries).
 * @returns {Promise<string[]>}
 */
window.recorderGetHARUrls = () =>
  new Promise((resolve) => {
    chrome.devtools.network.getHAR((log) => resolve(log.entries.map((e) => e.request.method + ' ' + e.request.url)));
  });
