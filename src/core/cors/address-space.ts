// Local Network Access (https://wicg.github.io/local-network-access/) and secure contexts
// (https://w3c.github.io/webappsec-secure-contexts/): Chromium stops a request to a more private address before
// sending it. Beyond the Fetch standard; no header can explain it.
import type { Failure, ObservedEntry } from '../types';
import { failure } from './failure';
import { ROW_NOTE } from './wording';

const LNA_ERROR = 'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS';

/**
 * A request to a loopback or private address that Chromium stopped before it was sent. Certain when the entry
 * carries Chromium's LNA error; inferred (and said so) when a simple request to such an address failed with no
 * response.
 */
export function localNetworkFailure(entry: ObservedEntry, origin: string, stage: 'preflight' | 'actual', error: string | null): Failure | null {
  const certain = error === LNA_ERROR;
  // Inferred for a simple request to a local address that Chromium refused to send (a service worker re-sending
  // it is ruled out before we get here). A page that is itself on the local network is not subject to LNA, but
  // DevTools cannot tell us the page's address space, so the note says what to check.
  if (!certain && !(stage === 'actual' && isLocalAddress(entry.url))) return null;
  if (!certain && error !== null) return null;
  const secure = isPotentiallyTrustworthy(origin);
  return failure(secure ? 'LocalNetworkAccessPermissionDenied' : 'InsecureLocalNetwork', '', stage, entry.index, 'main-fetch#mode', certain ? undefined : ROW_NOTE['lna-inferred']);
}

function isLocalAddress(url: string): boolean {
  let host: string;
  try { host = new URL(url).hostname.replace(/^\[|\]$/g, ''); } catch { return false; }
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\./.test(host) || /^10\./.test(host) ||
    /^192\.168\./.test(host) || /^172\.(1[6-9]|2\d|3[01])\./.test(host) || /^169\.254\./.test(host) || /^f[cd][0-9a-f]{2}:/i.test(host) || host.endsWith('.local');
}

// https://w3c.github.io/webappsec-secure-contexts/#is-origin-trustworthy
function isPotentiallyTrustworthy(origin: string): boolean {
  if (origin.startsWith('https:')) return true;
  try {
    const host = new URL(origin).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1';
  } catch { return false; }
}
