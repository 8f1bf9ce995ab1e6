// The browser's own signal on an entry (Chromium's `response._error`): evidence that settles what headers cannot
// (the credentials mode, Local Network Access, network errors), never the whole answer.
import type { BrowserSignal, ObservedEntry } from '../types';
import { isRedirectResponse } from '../fetch/location';

// The signals that carry nothing of their own, one object each (read-only, shared).
const NONE: BrowserSignal = { kind: 'none', error: null };
const PASSED: BrowserSignal = { kind: 'passed', error: null };
const BLOCKED: BrowserSignal = { kind: 'blocked', error: 'net::ERR_FAILED' };

/** A preflight entry's own `_error: null` only says the OPTIONS request completed: ask this of the actual request. */
export function browserSignal(entry: ObservedEntry | null, ignore: boolean): BrowserSignal {
  if (ignore || !entry || entry.error === undefined) return NONE;
  // A redirect hop's `_error: null` only says the hop completed; the fetch's fate is on the next hop.
  if (entry.error === null && isRedirectResponse(entry)) return NONE;
  if (entry.error === null) return entry.status > 0 ? PASSED : NONE;
  if (entry.error === 'net::ERR_FAILED') return BLOCKED;
  return { kind: 'network-error', error: entry.error };
}
