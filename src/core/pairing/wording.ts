// How each pair was made, in plain words (`Pairing.detail`), keyed by the closed PairingMethod union: the pairer
// decides, the words live here (no internal identifiers: a cached preflight is named by its age, not its index).
import type { PairingMethod } from '../types';

export const PAIRING_DETAIL = {
  matched: (withRequestHeaders: boolean) => `paired on URL, origin, Access-Control-Request-Method = method${withRequestHeaders ? ', Access-Control-Request-Headers' : ''} and time`,
  'preflight-cache': (ageSeconds: number | string, maxAge: string | null) =>
    `no preflight of its own: served from the preflight cache by a preflight ${ageSeconds} s earlier (Access-Control-Max-Age ${maxAge ?? 'absent → 5'} s, Chrome caps at 7200)`,
  'no-preflight-needed': () => 'a simple request: safelisted method and headers, so no preflight',
  'preflight-only': () => 'no actual request for this preflight in the capture (the preflight failed, or the request is still pending)',
  'preflight-not-captured': () => 'the request needed a preflight, but none is in the capture and none captured earlier is still cached',
} satisfies Record<Exclude<PairingMethod, 'not-cors'>, (...args: never[]) => string>;
