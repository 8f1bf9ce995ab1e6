// cors-lens probe <url> --origin <page origin> --scan: the origin classes misconfiguration scanners try
// (CORScanner, Corsy), each sent as a simple request and as a preflight, and judged by the same core with and
// without credentials. Permissive answers become the catalogue's findings (src/core/findings/catalogue.ts).
import { analyzeHar, FINDINGS, findingMatches, getHeader, type ExchangeReport, type Finding, type FindingId, type FindingSeverity } from '../../core';
import { EXIT, type Io } from '../command';
import { probeHar, type SentRequest } from './har';
import { fetchSpecOf, type ProbeOptions } from './options';
import { corsActualRequest, corsPreflightRequest, preflightFor, type CredentialsMode, type FetchSpec, type WireRequest } from './plan';
import type { Sender } from './sender';
import type { WireResult } from './wire';

export type OriginClass = 'page' | 'foreign' | 'null' | 'prefix' | 'suffix' | 'unescaped-dot' | 'http' | 'subdomain' | 'special-chars';

export interface ScanOrigin {
  readonly class: OriginClass;
  readonly origin: string;
  /** What a server that allows it is doing wrong. */
  readonly finding: FindingId | null;
}

const ATTACKER = 'attacker.test';

/** The crafted origins for a page origin; a class that does not apply (no dot to replace, not https) is left out. */
export function scanOrigins(pageOrigin: string): ScanOrigin[] {
  const u = new URL(pageOrigin);
  const scheme = u.protocol.slice(0, -1);
  const host = u.hostname;
  const port = u.port ? `:${u.port}` : '';
  const out: ScanOrigin[] = [
    { class: 'page', origin: pageOrigin, finding: null },
    { class: 'foreign', origin: `${scheme}://cors-lens-scan.${ATTACKER}`, finding: 'SEC-REFLECTED-ORIGIN' },
    { class: 'null', origin: 'null', finding: 'SEC-NULL-ORIGIN' },
    { class: 'prefix', origin: `${scheme}://${host}.${ATTACKER}${port}`, finding: 'SEC-ORIGIN-PREFIX-MATCH' },
  ];
  // An IP address has no suffix, look-alike or subdomain to craft.
  const isName = !/^[\d.]+$/.test(host) && !host.startsWith('[');
  if (isName) out.push({ class: 'suffix', origin: `${scheme}://attacker${host}${port}`, finding: 'SEC-ORIGIN-SUFFIX-MATCH' });
  const dot = host.indexOf('.');
  if (dot > 0 && isName) out.push({ class: 'unescaped-dot', origin: `${scheme}://${host.slice(0, dot)}X${host.slice(dot + 1)}${port}`, finding: 'SEC-ORIGIN-UNESCAPED-DOT' });
  if (scheme === 'https') out.push({ class: 'http', origin: `http://${host}${port}`, finding: 'SEC-HTTP-ORIGIN-TRUSTED' });
  if (isName) out.push({ class: 'subdomain', origin: `${scheme}://cors-lens-scan.${host}${port}`, finding: 'SEC-SUBDOMAIN-TRUSTED' });
  out.push({ class: 'special-chars', origin: `${scheme}://${host}_.${ATTACKER}${port}`, finding: 'SEC-SPECIAL-CHARS-ORIGIN' });
  return out;
}

export interface ClassResult {
  readonly mode: 'simple' | 'preflight';
  readonly credentials: 'include' | 'omit';
  readonly allowed: boolean;
  /** The first failing check as Chromium names it, when refused. */
  readonly corsError: string | null;
  readonly status: number | null;
  readonly error: string | null;
  /** The response's CORS headers, exactly as they came (name: value lines). */
  readonly response: readonly string[];
}

export interface ScanReport {
  readonly url: string;
  readonly pageOrigin: string;
  readonly classes: ReadonlyArray<ScanOrigin & { readonly results: readonly ClassResult[] }>;
  readonly findings: readonly Finding[];
  readonly requests: number;
}

const CORS_RESPONSE_HEADERS = ['access-control-allow-origin', 'access-control-allow-credentials', 'access-control-allow-methods', 'access-control-allow-headers', 'access-control-max-age', 'vary'];

export async function runScan(options: ProbeOptions, sender: Sender): Promise<ScanReport | null> {
  const url = options.url!;
  const pageOrigin = options.origin!;
  const base = fetchSpecOf(options, url);
  // The simple request: GET with no headers of the page's. The preflighted one: the user's request if it needs a
  // preflight, else a PUT — only its OPTIONS preflight is sent, never the PUT.
  const simple: FetchSpec = { ...base, method: 'GET', headers: [], body: null };
  const preflighted: FetchSpec = preflightFor(base).needed ? { ...base, body: null } : { ...base, method: 'PUT', headers: [], body: null };
  // Identical wire requests are sent once (without --cookie, a credentialed request is byte-for-byte the same).
  const answers = new Map<string, WireResult | null>();
  const sendOnce = async (request: WireRequest, note: string) => {
    const key = JSON.stringify([request.method, request.url, request.headers]);
    if (!answers.has(key)) answers.set(key, await sender.send(request, note));
    return answers.get(key)!;
  };
  const classes = [];
  for (const candidate of scanOrigins(pageOrigin)) {
    const results: ClassResult[] = [];
    for (const mode of ['simple', 'preflight'] as const) {
      for (const credentials of ['omit', 'include'] as const) {
        const spec: FetchSpec = { ...(mode === 'simple' ? simple : preflighted), origin: candidate.origin, credentials: credentials === 'include' ? 'include' : ('omit' satisfies CredentialsMode) };
        const request = mode === 'simple' ? corsActualRequest(spec) : corsPreflightRequest(spec);
        const startedMs = Date.now();
        const result = await sendOnce(request, `${candidate.class}${mode === 'preflight' ? ', preflight' : ''}`);
        if (result === null) continue;
        const sent: SentRequest[] = [{ request, result, startedMs, credentials: spec.credentials, redirectURL: '' }];
        // A preflight is judged with its request (never sent: the core reads the credentials mode from it).
        if (mode === 'preflight') sent.push({ request: corsActualRequest(spec), result: null, startedMs: startedMs + 1, credentials: spec.credentials, redirectURL: '' });
        const x = analyzeHar(probeHar(sent), { hints: false }).exchanges[0];
        results.push(classResult(mode, credentials, result, x));
      }
    }
    classes.push({ ...candidate, results });
    // The server cannot be reached at all: the other classes would only repeat it.
    if (candidate.class === 'page' && results.length > 0 && results.every((r) => r.error !== null)) break;
  }
  if (sender.dryRun) return null;
  return { url, pageOrigin, classes, findings: scanFindings(url, classes), requests: sender.sent() };
}

function classResult(mode: ClassResult['mode'], credentials: ClassResult['credentials'], result: WireResult, x: ExchangeReport | undefined): ClassResult {
  const response = result.ok ? result.response.headers.filter(([n]) => CORS_RESPONSE_HEADERS.includes(n.toLowerCase())).map(([n, v]) => `${n}: ${v}`) : [];
  const failures = (x?.allFailures ?? []).filter((f) => mode === 'simple' || f.stage === 'preflight');
  return {
    mode, credentials,
    allowed: result.ok && failures.length === 0 && (mode === 'preflight' || x?.verdict === 'allowed'),
    corsError: failures[0]?.corsError ?? null,
    status: result.ok ? result.response.status : null,
    error: result.ok ? null : result.failure.error,
    response,
  };
}

const header = (r: ClassResult, name: string) => getHeader(r.response.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 2)] as const), name);

/** Permissive answers as findings: an echoed crafted origin (not `*`, which is its own finding), per class. */
export function scanFindings(url: string, classes: ScanReport['classes']): Finding[] {
  const api = new URL(url).origin;
  const findings: Finding[] = [];
  const raise = (id: FindingId, severity: FindingSeverity, evidence: string) => findings.push({ id, severity, confidence: 'certain', api, evidence, exchanges: [] });
  type Scanned = ScanReport['classes'][number];
  const evidence = (c: ScanOrigin, r: ClassResult) => `Origin: ${c.origin} (${r.mode === 'preflight' ? 'preflight' : 'GET'}${r.credentials === 'include' ? ', with credentials' : ''}) → ${r.status} with ${r.response.join(', ') || 'no CORS headers'}`;
  const echoed = (c: Scanned) => c.results.filter((r) => r.allowed && header(r, 'access-control-allow-origin') === c.origin);
  const foreignEchoed = classes.some((c) => c.class === 'foreign' && echoed(c).length > 0);
  const allowedClass = (k: OriginClass) => classes.some((c) => c.class === k && echoed(c).length > 0);
  // A finding another one already explains is left out: with every origin reflected, the crafted ones add nothing;
  // a prefix match also lets special characters through, a suffix match also trusts subdomains.
  const explainedBy: Partial<Record<OriginClass, OriginClass>> = { 'special-chars': 'prefix', subdomain: 'suffix' };
  for (const c of classes) {
    if (c.finding === null) continue;
    const hits = echoed(c);
    if (hits.length === 0) continue;
    const credentialed = hits.find((r) => r.credentials === 'include');
    const shown = credentialed ?? hits[0];
    if (c.class === 'foreign') raise('SEC-REFLECTED-ORIGIN', credentialed ? 'high' : 'medium', evidence(c, shown));
    else if (foreignEchoed) continue;
    else if (c.class === 'http') {
      // Rule: only an http origin trusted with credentials is a finding.
      if (credentialed) raise('SEC-HTTP-ORIGIN-TRUSTED', FINDINGS['SEC-HTTP-ORIGIN-TRUSTED'].severity, evidence(c, credentialed));
    } else if (!(explainedBy[c.class] && allowedClass(explainedBy[c.class]!))) raise(c.finding, FINDINGS[c.finding].severity, evidence(c, shown));
  }
  const all = classes.flatMap((c) => c.results.map((r) => ({ c, r })));
  const star = all.find(({ c, r }) => c.class !== 'page' && header(r, 'access-control-allow-origin') === '*');
  if (star) raise('BP-WILDCARD-ORIGIN', FINDINGS['BP-WILDCARD-ORIGIN'].severity, evidence(star.c, star.r));
  const starCred = all.find(({ r }) => header(r, 'access-control-allow-origin') === '*' && header(r, 'access-control-allow-credentials') === 'true');
  if (starCred) raise('SEC-WILDCARD-WITH-CREDENTIALS', FINDINGS['SEC-WILDCARD-WITH-CREDENTIALS'].severity, evidence(starCred.c, starCred.r));
  const noVary = all.find(({ c, r }) => {
    const acao = header(r, 'access-control-allow-origin');
    const vary = header(r, 'vary');
    return r.mode === 'simple' && acao !== null && acao !== '*' && acao === c.origin && !(vary ?? '').split(',').some((v) => ['origin', '*'].includes(v.trim().toLowerCase()));
  });
  if (noVary) raise('SEC-MISSING-VARY-ORIGIN', FINDINGS['SEC-MISSING-VARY-ORIGIN'].severity, evidence(noVary.c, noVary.r));
  const page = classes.find((c) => c.class === 'page');
  const pagePreflight = page?.results.find((r) => r.mode === 'preflight' && r.allowed);
  if (pagePreflight) {
    const maxAge = header(pagePreflight, 'access-control-max-age');
    if (maxAge === null || !(Number(maxAge) > 5))
      raise('BP-NO-PREFLIGHT-CACHE', FINDINGS['BP-NO-PREFLIGHT-CACHE'].severity, `${evidence(page!, pagePreflight)}${maxAge === null ? ' (no Access-Control-Max-Age: cached for 5 s)' : ''}`);
  }
  return findings;
}

export async function scanCommand(options: ProbeOptions, sender: Sender, io: Io, color: boolean): Promise<number> {
  const origins = scanOrigins(options.origin!);
  io.stderr.write(`cors-lens: --scan will send at most ${origins.length * 2 * 2} requests to ${options.url} only (GET and OPTIONS, no cookie${options.cookie !== null ? ' except on credentialed GETs (--cookie)' : ''}), ${options.delayMs} ms apart, budget ${options.budget}.\n`);
  const report = await runScan(options, sender);
  if (report === null) return EXIT.ok;
  const unreachable = report.classes.find((c) => c.class === 'page')?.results.find((r) => r.error !== null);
  if (unreachable) {
    io.stderr.write(`cors-lens: ${options.url}: ${unreachable.error}; nothing to scan.\n`);
    return EXIT.input;
  }
  if (options.format === 'json') io.stdout.write(`${JSON.stringify({ scan: report }, null, 2)}\n`);
  else io.stdout.write(options.format === 'markdown' ? scanMarkdown(report) : scanText(report, color));
  const failOn = options.failOn;
  if (/^(SEC|BP)-/.test(failOn)) return report.findings.some((f) => findingMatches(f.id, failOn)) ? EXIT.failOn : EXIT.ok;
  return EXIT.ok;
}

const cell = (r: ClassResult | undefined) => (r === undefined ? '—' : r.error ? r.error : r.allowed ? 'allowed' : `refused (${r.corsError ?? r.status})`);
const MODES = [['simple', 'omit'], ['simple', 'include'], ['preflight', 'omit'], ['preflight', 'include']] as const;
const pick = (c: ScanReport['classes'][number], mode: string, cred: string) => c.results.find((r) => r.mode === mode && r.credentials === cred);

export function scanText(report: ScanReport, color: boolean): string {
  const paint = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const out = [`Scan of ${report.url} for page origin ${report.pageOrigin}: ${report.requests} requests`, ''];
  for (const c of report.classes) {
    out.push(`${c.class.padEnd(14)} ${c.origin}`);
    for (const [mode, cred] of MODES) {
      const r = pick(c, mode, cred);
      if (!r) continue;
      const label = `${mode === 'simple' ? 'GET' : 'preflight'}${cred === 'include' ? ' + credentials' : ''}`;
      out.push(`    ${label.padEnd(26)} ${r.allowed ? paint('33', cell(r)) : cell(r)}   ${r.status ?? ''} ${r.response.join(' | ')}`.trimEnd());
    }
  }
  out.push('');
  if (report.findings.length === 0) out.push('Findings: none. Only the page origin is trusted.');
  else {
    out.push(`Findings: ${report.findings.length}`);
    for (const f of report.findings) out.push(`  ${paint('31', `[${f.severity}]`)} ${f.id}: ${FINDINGS[f.id].title}`, `      ${f.evidence}`, `      Fix: ${FINDINGS[f.id].fix}`);
  }
  return `${out.join('\n')}\n`;
}

export function scanMarkdown(report: ScanReport): string {
  const rows = report.classes.map((c) => `| ${c.class} | \`${c.origin}\` | ${MODES.map(([m, cr]) => cell(pick(c, m, cr))).join(' | ')} |`);
  const findings = report.findings.map((f) => `- **${f.id}** (${f.severity}): ${FINDINGS[f.id].title}. ${f.evidence.replace(/\|/g, '\\|')}`);
  return [
    `# CORS scan of ${report.url}`, '', `Page origin \`${report.pageOrigin}\`, ${report.requests} requests.`, '',
    '| class | origin | GET | GET + credentials | preflight | preflight + credentials |', '|---|---|---|---|---|---|', ...rows, '',
    '## Findings', '', ...(findings.length ? findings : ['None: only the page origin is trusted.']), '',
  ].join('\n');
}
