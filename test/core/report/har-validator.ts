// A small HAR 1.2 validator: the required fields and types of http://www.softwareishard.com/blog/har-12-spec/
// (also what w3c/web-performance's HAR draft and har-schema require), plus what Chrome DevTools' importer needs
// (front_end/models/har/HARFormat.ts: parsable dates, numbers that are not NaN). `har-validator` on npm is
// deprecated, so we keep our own. Returns a list of problems, each with a JSON path; empty when valid.
type Json = Record<string, unknown>;
type Kind = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'date';
type Shape = Record<string, [kind: Kind, required: boolean]>;

const S = (k: Kind): [Kind, boolean] => [k, true];
const O = (k: Kind): [Kind, boolean] => [k, false];

const SHAPES: Record<string, Shape> = {
  log: { version: S('string'), creator: S('object'), browser: O('object'), pages: O('array'), entries: S('array'), comment: O('string') },
  creator: { name: S('string'), version: S('string'), comment: O('string') },
  page: { startedDateTime: S('date'), id: S('string'), title: S('string'), pageTimings: S('object'), comment: O('string') },
  pageTimings: { onContentLoad: O('number'), onLoad: O('number'), comment: O('string') },
  entry: {
    pageref: O('string'), startedDateTime: S('date'), time: S('number'), request: S('object'), response: S('object'),
    cache: S('object'), timings: S('object'), serverIPAddress: O('string'), connection: O('string'), comment: O('string'),
  },
  request: {
    method: S('string'), url: S('string'), httpVersion: S('string'), cookies: S('array'), headers: S('array'),
    queryString: S('array'), postData: O('object'), headersSize: S('number'), bodySize: S('number'), comment: O('string'),
  },
  response: {
    status: S('number'), statusText: S('string'), httpVersion: S('string'), cookies: S('array'), headers: S('array'),
    content: S('object'), redirectURL: S('string'), headersSize: S('number'), bodySize: S('number'), comment: O('string'),
  },
  cookie: {
    name: S('string'), value: S('string'), path: O('string'), domain: O('string'), expires: O('date'),
    httpOnly: O('boolean'), secure: O('boolean'), comment: O('string'),
  },
  pair: { name: S('string'), value: S('string'), comment: O('string') },
  postData: { mimeType: S('string'), params: O('array'), text: O('string'), comment: O('string') },
  param: { name: S('string'), value: O('string'), fileName: O('string'), contentType: O('string'), comment: O('string') },
  content: { size: S('number'), compression: O('number'), mimeType: S('string'), text: O('string'), encoding: O('string'), comment: O('string') },
  cache: { beforeRequest: O('object'), afterRequest: O('object'), comment: O('string') },
  timings: {
    blocked: O('number'), dns: O('number'), connect: O('number'), send: S('number'), wait: S('number'),
    receive: S('number'), ssl: O('number'), comment: O('string'),
  },
};

/** Objects where every non-standard field must be a custom field (`_name`). Cookies are left out: browsers add `sameSite`. */
const STRICT = new Set(['log', 'creator', 'page', 'entry', 'request', 'response', 'pair', 'postData', 'content', 'timings']);

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function typeOk(kind: Kind, v: unknown): boolean {
  switch (kind) {
    case 'array':
      return Array.isArray(v);
    case 'object':
      return isObject(v) || v === null; // HAR allows `null` for a cache entry absent
    case 'date':
      return typeof v === 'string' && !Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}T/.test(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    default:
      return typeof v === kind;
  }
}

function check(shape: string, value: unknown, path: string, problems: string[]): value is Json {
  if (!isObject(value)) {
    problems.push(`${path}: expected an object`);
    return false;
  }
  for (const [key, [kind, required]] of Object.entries(SHAPES[shape])) {
    if (!(key in value)) {
      if (required) problems.push(`${path}.${key}: required`);
      continue;
    }
    if (!typeOk(kind, value[key])) problems.push(`${path}.${key}: expected ${kind}, got ${JSON.stringify(value[key])?.slice(0, 40)}`);
  }
  if (STRICT.has(shape)) {
    for (const key of Object.keys(value)) {
      if (!(key in SHAPES[shape]) && !key.startsWith('_')) problems.push(`${path}.${key}: custom fields must start with "_"`);
    }
  }
  return true;
}

const each = (arr: unknown, f: (v: unknown, i: number) => void): void => {
  if (Array.isArray(arr)) arr.forEach(f);
};

export function validateHar(har: unknown): string[] {
  const p: string[] = [];
  if (!isObject(har) || !check('log', har.log, 'log', p)) return p.length ? p : ['log: missing'];
  const log = har.log as Json;
  if (log.version !== '1.2' && log.version !== '1.1') p.push(`log.version: "${String(log.version)}" is not 1.2`);
  check('creator', log.creator, 'log.creator', p);
  if (log.browser !== undefined) check('creator', log.browser, 'log.browser', p);
  each(log.pages, (page, i) => {
    if (check('page', page, `log.pages[${i}]`, p)) check('pageTimings', page.pageTimings, `log.pages[${i}].pageTimings`, p);
  });
  const pageIds = new Set(Array.isArray(log.pages) ? log.pages.filter(isObject).map((pg) => pg.id) : []);
  each(log.entries, (e, i) => {
    const at = `log.entries[${i}]`;
    if (!check('entry', e, at, p)) return;
    if (typeof e.pageref === 'string' && !pageIds.has(e.pageref)) p.push(`${at}.pageref: no page "${e.pageref}"`);
    if (check('request', e.request, `${at}.request`, p)) {
      const r = e.request as Json;
      each(r.cookies, (c, j) => check('cookie', c, `${at}.request.cookies[${j}]`, p));
      each(r.headers, (h, j) => check('pair', h, `${at}.request.headers[${j}]`, p));
      each(r.queryString, (q, j) => check('pair', q, `${at}.request.queryString[${j}]`, p));
      if (r.postData !== undefined && check('postData', r.postData, `${at}.request.postData`, p)) {
        each((r.postData as Json).params, (q, j) => check('param', q, `${at}.request.postData.params[${j}]`, p));
      }
    }
    if (check('response', e.response, `${at}.response`, p)) {
      const r = e.response as Json;
      each(r.cookies, (c, j) => check('cookie', c, `${at}.response.cookies[${j}]`, p));
      each(r.headers, (h, j) => check('pair', h, `${at}.response.headers[${j}]`, p));
      check('content', r.content, `${at}.response.content`, p);
    }
    check('cache', e.cache, `${at}.cache`, p);
    check('timings', e.timings, `${at}.timings`, p);
  });
  return p;
}
