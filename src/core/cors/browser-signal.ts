// The browser's own signal on an entry (Chromium's `response._error`): evidence that settles what headers cannot
// (the credentials mode, Local Network Access, network errors), never the whole answer.
import type { BrowserSignal, ObservedEntry } from '../types';
import { isRedirectStatus } from '../fetch/status';

/** A preflight entry's own `_error: null` only says the OPTIONS request completed: ask this of the actual request. */
export function browserSignal(entry: ObservedEntry | null, ignore: boolean): BrowserSignal {
  if (ignore || !entry || entry.error === undefined) return { kind: 'none', error: null };
  // A redirect hop's `_error: null` only says the hop completed; the fetch's fate is on the next hop.
  if (entry.error === null && isRedirectStatus(entry.status) && entry.redirectURL !== '') return { kind: 'none', error: null };
  if (entry.error === null) return entry.status > 0 ? { kind: 'passed', error: null } : { kind: 'none', error: null };
  if (entry.error === 'net::ERR_FAILED') return { kind: 'blocked', error: entry.error };
  return { kind: 'network-error', error: entry.error };
}
