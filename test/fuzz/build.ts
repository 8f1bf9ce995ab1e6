// Turns a generated HarCase into a HAR (object and text): damages first, then the secrets, planted only where
// the structure is still what redaction reads (a secret whose header lost its name is no longer a secret
// header, so planting after the damage keeps "leak" meaning a real leak).
import { API, PAGE, type Damage, type HarCase, type PlantedSecret, type TextDamage } from './arbitraries';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function setPath(root: unknown, path: readonly (string | number)[], value: unknown): void {
  let node = root;
  for (let i = 0; i < path.length - 1; i++) {
    if (!isObj(node) && !Array.isArray(node)) return;
    node = (node as Obj)[path[i] as string];
  }
  if (isObj(node) || Array.isArray(node)) (node as Obj)[path[path.length - 1] as string] = value;
}

/** A deterministic shuffle (the damage carries its seed, so a failing case replays). */
function shuffle<T>(items: T[], seed: number): T[] {
  const out = items.slice();
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function applyDamage(log: { entries: unknown[] }, d: Damage): void {
  const n = log.entries.length;
  const at = (i: number) => (n === 0 ? undefined : log.entries[i % n]);
  switch (d.kind) {
    case 'wrong-type': {
      const e = at(d.entry);
      if (e !== undefined) setPath(e, d.path, d.value);
      break;
    }
    case 'reorder':
      log.entries = shuffle(log.entries, d.seed);
      break;
    case 'duplicate': {
      const e = at(d.entry);
      if (e !== undefined) for (let i = 0; i < d.times; i++) log.entries.push(isObj(e) ? { ...e } : e);
      break;
    }
    case 'same-time':
      for (const e of log.entries) if (isObj(e)) e.startedDateTime = d.time;
      break;
    case 'many-headers': {
      const e = at(d.entry);
      if (isObj(e) && isObj(e.response) && Array.isArray(e.response.headers))
        for (let i = 0; i < d.count; i++) (e.response.headers as unknown[]).push({ name: i % 3 ? `x-h-${i}` : 'Access-Control-Allow-Origin', value: i % 2 ? PAGE : '*' });
      break;
    }
    case 'huge-value': {
      const e = at(d.entry);
      if (isObj(e) && isObj(e.request) && Array.isArray(e.request.headers))
        (e.request.headers as unknown[]).push({ name: 'Access-Control-Request-Headers', value: 'x-a,'.repeat(Math.ceil(d.length / 4)) });
      break;
    }
    case 'deep': {
      const e = at(d.entry);
      let v: unknown = 'bottom';
      for (let i = 0; i < d.depth; i++) v = i % 2 ? [v] : { v };
      if (isObj(e)) e._initiator = { type: 'script', stack: v };
      break;
    }
    case 'redirect-loop': {
      // a chain of same-origin-free hops that ends where it started: A → B → … → A
      const hops = Array.from({ length: d.length }, (_, i) => `${API}/loop/${i}`);
      hops.forEach((u, i) => log.entries.push({
        startedDateTime: new Date(Date.UTC(2026, 10, 24, 18) + i).toISOString(), time: 1,
        request: { method: 'GET', url: u, headers: [{ name: 'Origin', value: PAGE }] },
        response: { status: 302, headers: [{ name: 'Location', value: hops[(i + 1) % hops.length] }, { name: 'Access-Control-Allow-Origin', value: '*' }], redirectURL: hops[(i + 1) % hops.length], content: { size: 0, mimeType: '' } },
        _resourceType: 'fetch',
      }));
      break;
    }
    case 'drop-envelope':
      break; // applied on the whole HAR in buildHar
  }
}

function headersOf(e: unknown, side: 'request' | 'response'): Obj[] | null {
  if (!isObj(e) || !isObj(e[side])) return null;
  const h = (e[side] as Obj).headers;
  return Array.isArray(h) ? (h as Obj[]) : null;
}

/** Plants one secret; returns false when the entry's structure no longer has the position. */
function plant(e: unknown, s: PlantedSecret): boolean {
  if (!isObj(e) || !isObj(e.request) || !isObj(e.response)) return false;
  const req = e.request as Obj;
  const res = e.response as Obj;
  const reqH = headersOf(e, 'request');
  const resH = headersOf(e, 'response');
  const v = s.value;
  const withParam = (u: unknown, param: string, sep = '?') => (typeof u === 'string' && /^https?:\/\//.test(u) ? `${u}${u.includes(sep) && sep === '?' ? '&' : sep}${param}=${v}` : null);
  switch (s.position) {
    case 'authorization': return reqH !== null && reqH.push({ name: 'Authorization', value: `Bearer ${v}` }) > 0;
    case 'cookie': return reqH !== null && reqH.push({ name: 'Cookie', value: `sid=${v}; theme=dark` }) > 0;
    case 'set-cookie': return resH !== null && resH.push({ name: 'Set-Cookie', value: `refresh=${v}; Path=/; HttpOnly` }) > 0;
    case 'x-api-key': return reqH !== null && reqH.push({ name: 'X-Api-Key', value: v }) > 0;
    case 'x-session-token': return reqH !== null && reqH.push({ name: 'X-Session-Token', value: v }) > 0;
    case 'referer-code': return reqH !== null && reqH.push({ name: 'Referer', value: `${PAGE}/callback?code=${v}` }) > 0;
    case 'query-access-token': {
      const u = withParam(req.url, 'access_token');
      if (u === null) return false;
      req.url = u;
      return true;
    }
    case 'fragment-id-token': {
      if (typeof req.url !== 'string' || !/^https?:\/\//.test(req.url) || req.url.includes('#')) return false;
      req.url = `${req.url}#id_token=${v}`;
      return true;
    }
    case 'location-state': {
      const u = `${PAGE}/login?state=${v}`;
      if (resH === null) return false;
      resH.push({ name: 'Location', value: u });
      res.redirectURL = u;
      return true;
    }
    case 'request-body':
      req.postData = { mimeType: 'application/json', text: JSON.stringify({ user: 'a', password: v }) };
      return true;
    case 'response-body':
      res.content = { size: 40, mimeType: 'application/json', text: JSON.stringify({ note: v }) };
      return true;
    case 'cookie-array':
      if (!Array.isArray(req.cookies)) return false;
      (req.cookies as unknown[]).push({ name: 'sid', value: v });
      return true;
    case 'userinfo-password': {
      if (typeof req.url !== 'string' || !/^https?:\/\/[^/@]+\//.test(req.url)) return false;
      req.url = req.url.replace(/^(https?:\/\/)/, `$1user:${v}@`);
      return true;
    }
    case 'query-string-array':
      if (!Array.isArray(req.queryString)) return false;
      (req.queryString as unknown[]).push({ name: 'client_secret', value: v });
      return true;
  }
}

export interface BuiltHar { har: unknown; planted: PlantedSecret[] }

export function buildHar(c: HarCase): BuiltHar {
  const log = { version: '1.2', creator: { name: 'fuzz', version: '0' }, pages: [] as unknown[], entries: c.entries.map((e) => (isObj(e) ? JSON.parse(JSON.stringify(e)) : e)) as unknown[] };
  for (const d of c.damages) applyDamage(log, d);
  const planted: PlantedSecret[] = [];
  if (log.entries.length > 0) for (const s of c.secrets) if (plant(log.entries[s.entry % log.entries.length], s)) planted.push(s);
  const drop = c.damages.find((d): d is Extract<Damage, { kind: 'drop-envelope' }> => d.kind === 'drop-envelope');
  if (drop?.what === 'whole') return { har: log.entries, planted: [] };
  if (drop?.what === 'entries') return { har: { log: { ...log, entries: { not: 'an array' } } }, planted: [] };
  if (drop?.what === 'log') return { har: { notLog: log }, planted: [] };
  return { har: { log }, planted };
}

/** The HAR's JSON text, damaged as the case says, as UTF-8 bytes (invalid UTF-8 needs bytes). */
export function harBytes(har: unknown, damage: TextDamage): Uint8Array {
  let json = JSON.stringify(har) ?? 'null';
  if (damage.kind === 'duplicate-keys') json = json.replace(/"status":/g, '"status":1,"status":').replace(/"log":/, '"log":{},"log":');
  let bytes = new TextEncoder().encode(json);
  if (damage.kind === 'cut') bytes = bytes.slice(0, Math.floor(bytes.length * damage.at));
  if (damage.kind === 'invalid-utf8') {
    const at = Math.floor(bytes.length * damage.at);
    const bad = new Uint8Array([0xff, 0xc3, 0x28, 0xed, 0xa0, 0x80]);
    const out = new Uint8Array(bytes.length + bad.length);
    out.set(bytes.slice(0, at));
    out.set(bad, at);
    out.set(bytes.slice(at), at + bad.length);
    bytes = out;
  }
  if (damage.kind === 'bom') {
    const out = new Uint8Array(bytes.length + 3);
    out.set([0xef, 0xbb, 0xbf]);
    out.set(bytes, 3);
    bytes = out;
  }
  return bytes;
}
