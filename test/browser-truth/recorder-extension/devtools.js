// Test-only DevTools page of the browser-truth recorder extension.
// The generator (scripts/generate-browser-truth.mjs) finds this page's frame inside
// the DevTools window (devtools.frames()) and evaluates the functions below in it.
// getHAR() returns everything DevTools logged since it was opened, so nothing needs
// to be recorded here; the entry counter only lets the generator poll for "settled".

/* global chrome */
window.recorderReady = true;
window.finishedCount = 0;
chrome.devtools.network.onRequestFinished.addListener(() => {
  window.finishedCount += 1;
});

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
