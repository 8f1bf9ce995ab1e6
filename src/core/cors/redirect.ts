// https://fetch.spec.whatwg.org/#http-redirect-fetch — the checks on the Location of a CORS request's redirect.
import type { Failure, ObservedEntry } from '../types';
import { includesCredentials, isHttpScheme } from '../fetch/origin';
import { failure } from './failure';

export function redirectLocationFailures(actual: ObservedEntry): Failure[] {
  const location = actual.redirectURL;
  // 8. If locationURL's scheme is not an HTTP(S) scheme, then return a network error.
  // Beyond the spec: Chromium's network stack refuses data:, file: and similar targets as unsafe redirects
  // (a network error without a CORS reason); other schemes reach the CORS check.
  if (/^(data|file|about|javascript|blob|filesystem):/i.test(location)) return [];
  if (!isHttpScheme(location)) return [failure('CorsDisabledScheme', '', 'redirect', actual.index, 'http-redirect-fetch#8')];
  // 9. If request's mode is "cors", locationURL includes credentials, and request's origin is not same origin with locationURL's origin, then return a network error.
  //    Measured: Chromium refuses credentials in Location even when the target is same-origin with the request's origin, and leaves failedParameter empty.
  if (includesCredentials(location)) return [failure('RedirectContainsCredentials', '', 'redirect', actual.index, 'http-redirect-fetch#9', `Location: ${location}`)];
  return [];
}
