// The value → placeholder map shared by everything one export writes: the HAR, the analysis, every format.
// Keyed by the (percent-decoded) value, so the same token in a header, a URL and a summary sentence becomes the same
// `[redacted:N]` everywhere and the reader can still correlate requests.
import {
  COOKIE_HEADERS,
  MIN_SUBSTRING_SECRET,
  PLACEHOLDER,
  REDACTION_KINDS,
  SCHEME_HEADERS,
  VALUE_PATTERNS,
  isSecretFieldName,
  isSecretHeaderName,
  isSecretParamName,
  placeholderFor,
  type RedactionKind,
} from './rules';
import { createSubstringIndex } from './substring-index';

export interface RedactOptions {
  /** Keep cookies, tokens and signatures (an explicit opt-out; default false). */
  readonly keepSecrets?: boolean;
  /** Keep request and response bodies (default false: dropped). Secrets inside kept bodies are still redacted. */
  readonly keepBodies?: boolean;
}

/** What an export removed, for the export dialog's preview. */
export interface RedactionSummary {
  readonly secretsRedacted: boolean;
  readonly bodiesDropped: boolean;
  /** Values replaced by a placeholder (occurrences). */
  readonly total: number;
  /** Distinct secret values, i.e. distinct placeholders. */
  readonly distinct: number;
  /** Bodies dropped. */
  readonly bodies: number;
  readonly byKind: Readonly<Record<RedactionKind, number>>;
  /** Per kind and name (`header Authorization ×3`, `cookie session ×2`), most frequent first. */
  readonly items: ReadonlyArray<{ readonly kind: RedactionKind; readonly name: string; readonly count: number }>;
}

/** Where the redactor is working: an entry index, the file outside entries (`null`), or the analysis (`'report'`). */
export type RedactionContext = number | null | 'report';

export interface Redactor {
  readonly options: Required<RedactOptions>;
  at(context: RedactionContext): void;
  /** The placeholder for a value found by name (a secret header, a cookie, a secret parameter). */
  secret(value: string, kind: RedactionKind, name: string): string;
  /** A header value: secret headers replaced, cookies redacted per cookie, every other value scanned as text. */
  header(name: string, value: string): string;
  /** Free text (URLs, messages, kept bodies): known secrets, secret parameters, JWTs and token formats replaced. */
  text(value: string): string;
  /** Only the secrets already known, as substrings (the last pass, after every secret of the file was seen). */
  known(value: string): string;
  /** Counts a dropped body. */
  droppedBody(name: string): void;
  /** The summary for the given entries (and what is outside entries); all entries when omitted. */
  summary(entries?: Iterable<number>): RedactionSummary;
}

interface Count {
  readonly entry: number | null;
  readonly kind: RedactionKind;
  readonly name: string;
  count: number;
}

const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@:"'<>]*):([^\s/?#@"'<>]+)@/gi;
// `name=value` after `?`, `&`, `#`, `;` (or at the start: form bodies); values end where a URL or quoted string would.
const PARAM = /(^|[?&#;]|&amp;)([^=&#?;\s"'<>]+)=([^&#;\s"'<>]*)/g;
// The same, percent-encoded once: `redirect_uri=https%3A%2F%2Fapp%2Fcb%3Fcode%3Dabc`.
const ENCODED_PARAM = /(%3F|%26|%23)([^=&#?\s"'<>%]+)%3D((?:[^&#\s"'<>%]|%(?!26|23)[0-9A-F]{2})*)/gi;
const JSON_FIELD = /"([^"\\]{1,64})"(\s*:\s*)"((?:[^"\\]|\\.)*)"/g;
const DOMAIN_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/)?[a-z0-9.-]+\.[a-z]{2,}(?::\d+)?\/?$/i;

const isPlaceholder = (v: string): boolean => PLACEHOLDER.test(v);

/** How many strings, and up to what length, `text()` remembers as untouched by its rules. */
const CLEAN_MAX = 65_536;
const CLEAN_MAX_LENGTH = 512;

function safeDecode(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Known secrets are replaced as substrings only when they cannot be an ordinary word, host or number. */
function isDistinctive(value: string): boolean {
  if (value.length < MIN_SUBSTRING_SECRET || DOMAIN_LIKE.test(value)) return false;
  return /[0-9]/.test(value) && /[a-z]/i.test(value) ? true : value.length >= 16 || /[^a-z0-9]/i.test(value);
}


export function createRedactor(options: RedactOptions = {}): Redactor {
  const opts: Required<RedactOptions> = { keepSecrets: options.keepSecrets ?? false, keepBodies: options.keepBodies ?? false };
  let context: RedactionContext = null;
  let next = 0;
  const byValue = new Map<string, string>();
  /** Every spelling of a known secret worth replacing as a substring (raw, decoded, encoded) → placeholder. */
  const forms = createSubstringIndex(MIN_SUBSTRING_SECRET);
  const counts = new Map<string, Count>();
  const seenIn = new Map<number | null, Set<string>>();

  function addForm(form: string, placeholder: string): void {
    if (isDistinctive(form)) forms.add(form, placeholder);
  }

  function count(kind: RedactionKind, name: string, placeholder: string | null, isNew: boolean): void {
    if (context === 'report' && !isNew) return;
    const entry = context === 'report' ? null : context;
    const key = `${entry}\u0000${kind}\u0000${name.toLowerCase()}`;
    const c = counts.get(key);
    if (c) c.count += 1;
    else counts.set(key, { entry, kind, name, count: 1 });
    if (placeholder) {
      const set = seenIn.get(entry) ?? new Set<string>();
      set.add(placeholder);
      seenIn.set(entry, set);
    }
  }

  function secret(value: string, kind: RedactionKind, name: string): string {
    if (opts.keepSecrets || value === '' || isPlaceholder(value)) return value;
    const key = safeDecode(value);
    let placeholder = byValue.get(key);
    const isNew = placeholder === undefined;
    if (placeholder === undefined) {
      placeholder = placeholderFor(++next);
      byValue.set(key, placeholder);
      addForm(key, placeholder);
      addForm(encodeURIComponent(key), placeholder);
    }
    addForm(value, placeholder);
    count(kind, name, placeholder, isNew);
    return placeholder;
  }

  function known(value: string): string {
    if (opts.keepSecrets) return value;
    return forms.replace(value, (placeholder) => count(kindOf(placeholder), nameOf(placeholder), placeholder, false));
  }

  // The kind and name a placeholder was first issued for, so substring hits count under the same heading.
  const firstIssue = new Map<string, { kind: RedactionKind; name: string }>();
  const kindOf = (p: string): RedactionKind => firstIssue.get(p)?.kind ?? 'token';
  const nameOf = (p: string): string => firstIssue.get(p)?.name ?? 'known secret';
  const issue = (value: string, kind: RedactionKind, name: string): string => {
    const p = secret(value, kind, name);
    if (!firstIssue.has(p)) firstIssue.set(p, { kind, name });
    return p;
  };

  // Strings the rules below left unchanged (header names, user agents, content types repeat thousands of times in
  // a HAR). The rules depend on the string alone and change nothing they do not replace, so such a string needs
  // only `known()` the next time. Bounded: forgotten all at once when full.
  const clean = new Set<string>();
  const rememberClean = (value: string) => {
    if (value.length > CLEAN_MAX_LENGTH) return;
    if (clean.size >= CLEAN_MAX) clean.clear();
    clean.add(value);
  };

  function text(value: string): string {
    if (opts.keepSecrets || value === '' || isPlaceholder(value)) return value;
    const first = known(value);
    if (clean.has(first)) return first;
    let out = first;
    out = out.replace(USERINFO, (m, scheme: string, user: string, pass: string) =>
      isPlaceholder(pass) ? m : `${scheme}${user}:${issue(pass, 'url-credentials', 'URL password')}@`,
    );
    out = out.replace(PARAM, (m, pre: string, name: string, v: string) =>
      v === '' || isPlaceholder(v) || !isSecretParamName(safeDecode(name)) ? m : `${pre}${name}=${issue(v, 'query-param', safeDecode(name))}`,
    );
    out = out.replace(ENCODED_PARAM, (m, pre: string, name: string, v: string) =>
      v === '' || isPlaceholder(v) || !isSecretParamName(safeDecode(name)) ? m : `${pre}${name}%3D${issue(v, 'query-param', safeDecode(name))}`,
    );
    if (out.includes('"')) {
      out = out.replace(JSON_FIELD, (m, name: string, colon: string, v: string) =>
        v === '' || isPlaceholder(v) || !isSecretFieldName(name) ? m : `"${name}"${colon}"${issue(v, 'field', name)}"`,
      );
    }
    for (const { kind, name, pattern } of VALUE_PATTERNS) {
      out = out.replace(pattern, (...args: unknown[]) => {
        const m = args[0] as string;
        const groups = args[args.length - 1] as Record<string, string> | undefined;
        const s = typeof groups === 'object' && groups?.secret !== undefined ? groups.secret : null;
        if (s === null) return issue(m, kind, name);
        return isPlaceholder(s) ? m : m.slice(0, m.length - s.length) + issue(s, kind, name);
      });
    }
    if (out === first) rememberClean(first);
    return out;
  }

  function cookiePairs(value: string, separator: RegExp, headerName: string): string {
    return value
      .split(separator)
      .map((part) => {
        const eq = part.indexOf('=');
        if (eq < 0) return part.trim() === '' ? part : issue(part, 'cookie', headerName);
        return part.slice(0, eq + 1) + issue(part.slice(eq + 1).trim(), 'cookie', part.slice(0, eq).trim() || headerName);
      })
      .join('; ');
  }

  function header(name: string, value: string): string {
    if (opts.keepSecrets) return value;
    const lower = name.toLowerCase();
    if (lower === 'cookie') return cookiePairs(value, /;\s*/, name);
    if (COOKIE_HEADERS.has(lower)) {
      // Set-Cookie: only the first `name=value` is the cookie; Path, SameSite, Secure... are CORS-relevant evidence.
      // Chromium joins repeated Set-Cookie headers with newlines in one HAR header.
      return value
        .split('\n')
        .map((line) => {
          const semi = line.indexOf(';');
          const first = semi < 0 ? line : line.slice(0, semi);
          return cookiePairs(first, /;\s*/, name) + (semi < 0 ? '' : text(line.slice(semi)));
        })
        .join('\n');
    }
    if (isSecretHeaderName(lower)) {
      const scheme = SCHEME_HEADERS.has(lower) ? /^([A-Za-z0-9!#$%&'*+.^_`|~-]+)(\s+)(\S[\s\S]*)$/.exec(value) : null;
      return scheme ? `${scheme[1]}${scheme[2]}${issue(scheme[3], 'header', name)}` : issue(value, 'header', name);
    }
    return text(value);
  }

  function summary(entries?: Iterable<number>): RedactionSummary {
    const wanted = entries === undefined ? null : new Set(entries);
    const include = (e: number | null): boolean => e === null || wanted === null || wanted.has(e);
    const byKind = Object.fromEntries(REDACTION_KINDS.map((k) => [k, 0])) as Record<RedactionKind, number>;
    const items = new Map<string, { kind: RedactionKind; name: string; count: number }>();
    let total = 0;
    let bodies = 0;
    for (const c of counts.values()) {
      if (!include(c.entry)) continue;
      byKind[c.kind] += c.count;
      if (c.kind === 'body') bodies += c.count;
      else total += c.count;
      const key = `${c.kind}\u0000${c.name.toLowerCase()}`;
      const item = items.get(key);
      if (item) item.count += c.count;
      else items.set(key, { kind: c.kind, name: c.name, count: c.count });
    }
    const distinct = new Set<string>();
    for (const [entry, set] of seenIn) if (include(entry)) for (const p of set) distinct.add(p);
    return {
      secretsRedacted: !opts.keepSecrets,
      bodiesDropped: !opts.keepBodies,
      total,
      distinct: distinct.size,
      bodies,
      byKind,
      items: [...items.values()].sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name)),
    };
  }

  return {
    options: opts,
    at: (c) => {
      context = c;
    },
    secret: issue,
    header,
    text,
    known,
    droppedBody: (name) => count('body', name, null, true),
    summary,
  };
}
