// The findings of docs/findings.md that a capture can show, one rule per id (a table keyed by the ids
// whose source is `capture` or `both`; the scan-only ids are raised by `cors-lens probe --scan`). Each rule
// reads one API's folded state and returns its findings, with the exchanges that show them.
import { FINDINGS, type Finding, type FindingConfidence, type FindingId, type FindingSeverity } from '../findings/catalogue';
import { CHROMIUM_MAX_AGE_CAP_S, DEFAULT_MAX_AGE_S, isLocalOrigin } from './aggregate';
import { type ApiState, COMPARED_FIELDS, type ComparedField, type IdList, MAX_IDS, type RepeatCause } from './state';

/** The ids a passive capture can raise. */
export type CaptureFindingId = { [K in FindingId]: (typeof FINDINGS)[K]['source'] extends 'scan' ? never : K }[FindingId];

type Rule = (api: ApiState) => Finding[];

const finding = (id: FindingId, api: ApiState, o: { confidence: FindingConfidence; evidence: string; exchanges: readonly string[]; severity?: FindingSeverity; confirm?: string }): Finding => ({
  id,
  severity: o.severity ?? FINDINGS[id].severity,
  confidence: o.confidence,
  api: api.identity.key,
  evidence: o.evidence,
  ...(o.confirm ? { confirm: o.confirm } : {}),
  exchanges: [...new Set(o.exchanges)].slice(0, MAX_IDS),
});

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const ms = (t: number) => (t >= 10_000 ? `${(t / 1000).toFixed(1)} s` : `${Math.round(t)} ms`);
const more = (list: IdList) => (list.count > list.ids.length ? ` (first ${list.ids.length} listed)` : '');

const COMPARED_LABEL: Record<ComparedField, string> = {
  allowOrigin: 'Access-Control-Allow-Origin',
  allowCredentials: 'Access-Control-Allow-Credentials',
  allowMethods: 'Access-Control-Allow-Methods',
  allowHeaders: 'Access-Control-Allow-Headers',
  maxAge: 'Access-Control-Max-Age',
};

const REPEAT_CAUSE: Record<RepeatCause, string> = {
  'same-request': 'the same URL and headers: the preflight cache was off — DevTools\' "Disable cache" disables it too — or the entry was evicted',
  'other-url': 'a different URL (each URL is its own preflight cache entry: ids in the path mean one preflight per id)',
  'other-headers': 'a different set of request headers (a header not covered by the cached entry needs a new preflight)',
};

export const CAPTURE_RULES: Record<CaptureFindingId, Rule> = {
  'BP-WILDCARD-ORIGIN': (api) => {
    const ev = api.evidence.wildcard;
    if (ev.count === 0) return [];
    return [finding('BP-WILDCARD-ORIGIN', api, {
      confidence: 'certain',
      evidence: `${plural(ev.count, 'response')} answered Access-Control-Allow-Origin: * to ${api.evidence.wildcardOrigins.join(', ')}${more(ev)}.`,
      exchanges: ev.ids,
    })];
  },

  'BP-NO-PREFLIGHT-CACHE': (api) => {
    const ev = api.evidence;
    const parts: string[] = [];
    if (ev.uncachedPreflights.count > 0) {
      const saved = ev.savedCount > 0
        ? ` ${plural(ev.savedCount, 'of them repeats', 'of them repeat')} a preflight already made for the same URL and headers: Access-Control-Max-Age: ${CHROMIUM_MAX_AGE_CAP_S} would have saved ${plural(ev.savedCount, 'round trip')} (${ms(ev.savedMs)}).`
        : ` A max-age would let the browser skip the next preflight of each URL for up to ${CHROMIUM_MAX_AGE_CAP_S} s in Chromium (86400 s in Firefox).`;
      parts.push(`${plural(ev.uncachedPreflights.count, 'preflight')} without Access-Control-Max-Age (or ≤ ${DEFAULT_MAX_AGE_S} s), ${ms(ev.uncachedMs)} in this capture.${saved}`);
    }
    // Only a repeat of the very same request means the cache did not work; other URLs or header sets are other entries.
    const sameRequest = ev.repeatCauses.get('same-request') ?? 0;
    if (sameRequest > 0) {
      const causes = [...ev.repeatCauses].map(([c, n]) => `${n} with ${REPEAT_CAUSE[c]}`).join('; ');
      parts.push(`${plural(ev.repeated.count, 'preflight')} (${ms(ev.repeatedMs)}) repeated within the max-age of the route's previous preflight: ${causes}.`);
    }
    if (parts.length === 0) return [];
    const onlyRepeats = ev.uncachedPreflights.count === 0;
    return [finding('BP-NO-PREFLIGHT-CACHE', api, {
      confidence: onlyRepeats ? 'likely' : 'certain',
      evidence: parts.join(' '),
      ...(onlyRepeats ? { confirm: 'Capture again with DevTools\' "Disable cache" unticked: a preflight served from the cache does not appear in the capture.' } : {}),
      exchanges: [...ev.uncachedPreflights.ids, ...(sameRequest > 0 ? ev.repeated.ids : [])],
    })];
  },

  'BP-INCONSISTENT-ROUTES': (api) => {
    const parts: string[] = [];
    const ids: string[] = [];
    const routes = [...api.routes.values()];
    for (const field of COMPARED_FIELDS) {
      // Routes whose responses agree among themselves on the field, by value.
      const byValue = new Map<string, { routes: string[]; ids: string[] }>();
      for (const r of routes) {
        if (r.compared[field].size !== 1) continue;
        const [[value, seen]] = r.compared[field];
        const entry = byValue.get(value) ?? { routes: [], ids: [] };
        entry.routes.push(r.key);
        entry.ids.push(...seen.ids.slice(0, 3));
        byValue.set(value, entry);
      }
      if (byValue.size < 2) continue;
      const values = [...byValue].map(([value, v]) => `${v.routes.slice(0, 4).join(', ')}${v.routes.length > 4 ? ` and ${v.routes.length - 4} more` : ''} → ${value}`);
      parts.push(`${COMPARED_LABEL[field]} differs: ${values.join('; ')}.`);
      for (const v of byValue.values()) ids.push(...v.ids);
    }
    const ev = api.evidence;
    if (ev.errorsWithoutCors.count > 0 && ev.successesWithCors.count > 0) {
      parts.push(`${plural(ev.errorsWithoutCors.count, 'error response')} (4xx/5xx) without Access-Control-Allow-Origin, while ${plural(ev.successesWithCors.count, 'successful response')} carry it: the page sees a CORS error instead of the status.`);
      ids.push(...ev.errorsWithoutCors.ids, ...ev.successesWithCors.ids.slice(0, 3));
    }
    if (parts.length === 0) return [];
    return [finding('BP-INCONSISTENT-ROUTES', api, { confidence: 'certain', evidence: parts.join(' '), exchanges: ids })];
  },

  'SEC-REFLECTED-ORIGIN': (api) => {
    const ev = api.evidence;
    const echoed = [...ev.reflected.keys()];
    const nullOnly = echoed.length === 1 && echoed[0] === 'null';
    if (echoed.length < 2 && !nullOnly) return [];
    const severity: FindingSeverity = ev.reflectedWithCredentials ? 'high' : FINDINGS['SEC-REFLECTED-ORIGIN'].severity;
    return [finding('SEC-REFLECTED-ORIGIN', api, {
      severity,
      confidence: echoed.length >= 3 ? 'likely' : 'possible',
      evidence: `Access-Control-Allow-Origin echoed the request's Origin for ${plural(echoed.length, 'origin')}: ${echoed.join(', ')}${ev.reflectedWithCredentials ? ', with Access-Control-Allow-Credentials: true' : ''}. An allow-list of exactly these origins would answer the same.`,
      confirm: 'Send a request with an Origin no one configured (cors-lens probe --scan): if it is echoed too, the API reflects any origin.',
      exchanges: [...ev.reflected.values()].flatMap((ids) => ids.ids.slice(0, 5)),
    })];
  },

  'SEC-NULL-ORIGIN': (api) => {
    const ev = api.evidence.nullOrigin;
    if (ev.count === 0) return [];
    return [finding('SEC-NULL-ORIGIN', api, { confidence: 'certain', evidence: `${plural(ev.count, 'response')} answered Access-Control-Allow-Origin: null${more(ev)}.`, exchanges: ev.ids })];
  },

  'SEC-MISSING-VARY-ORIGIN': (api) => {
    const ev = api.evidence;
    if (ev.missingVary.count === 0) return [];
    // Depends on the request for certain when two request origins got different answers.
    const answers = new Set([...ev.allowOriginByOrigin.values()].map((s) => [...s].sort().join('|')));
    const depends = ev.allowOriginByOrigin.size >= 2 && answers.size >= 2;
    return [finding('SEC-MISSING-VARY-ORIGIN', api, {
      confidence: depends ? 'certain' : 'possible',
      evidence: `${plural(ev.missingVary.count, 'response')} with a specific Access-Control-Allow-Origin and no Vary: Origin${depends ? `; the answer differs by request origin (${[...ev.allowOriginByOrigin].map(([o, s]) => `${o} → ${[...s].join(' / ')}`).join('; ')})` : ''}.`,
      ...(depends ? {} : { confirm: 'Call the API from a second origin: if Access-Control-Allow-Origin changes (or disappears), it depends on the request and needs Vary: Origin.' }),
      exchanges: ev.missingVary.ids,
    })];
  },

  'SEC-HTTP-ORIGIN-TRUSTED': (api) => {
    const ev = api.evidence;
    if (ev.httpOriginTrusted.count === 0) return [];
    return [finding('SEC-HTTP-ORIGIN-TRUSTED', api, {
      confidence: 'certain',
      evidence: `The https API allowed ${ev.httpOrigins.filter((o) => !isLocalOrigin(o)).join(', ')} with Access-Control-Allow-Credentials: true (${plural(ev.httpOriginTrusted.count, 'response')}).`,
      exchanges: ev.httpOriginTrusted.ids,
    })];
  },

  'SEC-WILDCARD-WITH-CREDENTIALS': (api) => {
    const ev = api.evidence.wildcardWithCredentials;
    if (ev.count === 0) return [];
    return [finding('SEC-WILDCARD-WITH-CREDENTIALS', api, {
      confidence: 'certain',
      evidence: `${plural(ev.count, 'response')} answered Access-Control-Allow-Origin: * with Access-Control-Allow-Credentials: true${more(ev)}.`,
      exchanges: ev.ids,
    })];
  },
};

export const CAPTURE_FINDING_IDS = Object.keys(CAPTURE_RULES) as CaptureFindingId[];

const SEVERITY_RANK: Record<FindingSeverity, number> = { high: 0, medium: 1, low: 2, info: 3 };

/** Every finding of one API, most severe first (then in catalogue order). */
export function findingsOf(api: ApiState): Finding[] {
  return CAPTURE_FINDING_IDS.flatMap((id) => CAPTURE_RULES[id](api)).sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

/** How each passive rule reads a capture, and its confidence (docs/findings.md). */
export const CAPTURE_DETAILS: Record<CaptureFindingId, string> = {
  'BP-WILDCARD-ORIGIN': 'Any preflight or actual response with `Access-Control-Allow-Origin: *` whose page origin is not `localhost`, `*.localhost`, `127.x.x.x` or `[::1]`. Public assets are left out: resource types image, font, script, stylesheet, media, manifest, texttrack; and GET/HEAD without credentials to an S3 bucket or CloudFront distribution answered with a static MIME type (image, font, audio, video, CSS, JavaScript, wasm, pdf, octet-stream, zip). Certain.',
  'BP-NO-PREFLIGHT-CACHE': 'Preflights that passed (2xx with `Access-Control-Allow-Origin`) and have no `Access-Control-Max-Age`, an invalid one, or one ≤ 5 s: their count and time, and how many repeat a preflight already made for the same origin, URL, method and requested headers (what a max-age would have saved). Certain. Also raised (likely, with what would confirm it) when a preflight repeats the same request within the max-age announced by the route\'s previous preflight (capped at 7200 s): the cache was off, as with DevTools\' "Disable cache". Repeats for another URL or header set are named in the evidence but raise nothing alone: those are other cache entries.',
  'BP-INCONSISTENT-ROUTES': 'Routes are compared on `Access-Control-Allow-Origin` (a value equal to the request\'s Origin counts as "the request\'s origin", so pages on several origins compare), `-Allow-Credentials` (preflights and non-error responses) and `-Allow-Methods`, `-Allow-Headers` (as sorted sets) and `-Max-Age` (preflights). Routes whose own responses disagree on a field are left out of that field. Also raised when an error response (4xx/5xx) has no `Access-Control-Allow-Origin` while successful responses of the API carry it. Certain.',
  'SEC-REFLECTED-ORIGIN': '`Access-Control-Allow-Origin` equal to the request\'s `Origin` for two or more different origins (likely from three), or for `null` alone. Possible with two: an allow-list of exactly those origins answers the same, which an active probe settles. High when a reflected response also has `Access-Control-Allow-Credentials: true`.',
  'SEC-NULL-ORIGIN': 'Any response with `Access-Control-Allow-Origin: null`, whether or not the call was allowed. Certain.',
  'SEC-MISSING-VARY-ORIGIN': 'Actual responses with an `Access-Control-Allow-Origin` other than `*` and no `Vary` listing `Origin` (or `*`). Certain when the capture shows the answer depending on the request (two request origins got different `Access-Control-Allow-Origin` values, absence included); possible otherwise (a fixed single origin needs no Vary). Preflight responses are not checked.',
  'SEC-HTTP-ORIGIN-TRUSTED': 'An https API answers an `http://` origin other than a local one in `Access-Control-Allow-Origin` together with `Access-Control-Allow-Credentials: true`. Certain.',
  'SEC-WILDCARD-WITH-CREDENTIALS': 'A response with `Access-Control-Allow-Origin: *` and `Access-Control-Allow-Credentials: true` (case-insensitive), whether or not the call sent credentials. Certain.',
};
