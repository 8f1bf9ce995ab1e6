// `cors-lens probe --scan` finds each planted misconfiguration on a local server, and nothing on a strict one.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../../support/run-cli';
import { startPolicyServer, type Policy, type PolicyServer } from './policy-server';
import { FINDING_IDS } from '../../../src/core/findings/catalogue';

const PAGE = 'https://app.example.com';
const ok = (origin: string | null, credentials = true) => ({ allow: origin, credentials });
const planted: Record<string, { policy: Policy; findings: string[] }> = {
  // Exact comparison with an allow-list, Vary: Origin, a cached preflight: nothing to report.
  strict: { policy: (o) => (o === PAGE ? ok(o) : { allow: null }), findings: [] },
  reflect: { policy: (o) => ok(o), findings: ['SEC-REFLECTED-ORIGIN'] },
  'null-allowed': { policy: (o) => (o === PAGE || o === 'null' ? ok(o) : { allow: null }), findings: ['SEC-NULL-ORIGIN'] },
  prefix: { policy: (o) => (o?.startsWith(PAGE) ? ok(o) : { allow: null }), findings: ['SEC-ORIGIN-PREFIX-MATCH'] },
  // endsWith('app.example.com') also ignores the scheme: http://app.example.com passes, with credentials.
  suffix: { policy: (o) => (o?.endsWith('app.example.com') ? ok(o) : { allow: null }), findings: ['SEC-ORIGIN-SUFFIX-MATCH', 'SEC-HTTP-ORIGIN-TRUSTED'] },
  // new RegExp('^https://app.example.com$'): the dots match any character.
  'unescaped-dot': { policy: (o) => (o !== null && /^https:\/\/app.example.com$/.test(o) ? ok(o) : { allow: null }), findings: ['SEC-ORIGIN-UNESCAPED-DOT'] },
  'http-trusted': { policy: (o) => (o === PAGE || o === 'http://app.example.com' ? ok(o) : { allow: null }), findings: ['SEC-HTTP-ORIGIN-TRUSTED'] },
  subdomains: { policy: (o) => (o === PAGE || o?.endsWith('.app.example.com') ? ok(o) : { allow: null }), findings: ['SEC-SUBDOMAIN-TRUSTED'] },
  // A prefix check that refuses a dot after the host: `https://app.example.com_.attacker.test` still passes.
  'special-chars': { policy: (o) => (o !== null && o.startsWith(PAGE) && !o.startsWith(`${PAGE}.`) && !o.startsWith(`${PAGE}:`) ? ok(o) : { allow: null }), findings: ['SEC-SPECIAL-CHARS-ORIGIN'] },
  wildcard: { policy: () => ({ allow: '*' }), findings: ['BP-WILDCARD-ORIGIN'] },
  'wildcard-credentials': { policy: () => ({ allow: '*', credentials: true }), findings: ['BP-WILDCARD-ORIGIN', 'SEC-WILDCARD-WITH-CREDENTIALS'] },
  'no-vary': { policy: (o) => (o === PAGE ? { ...ok(o), vary: false } : { allow: null, vary: false }), findings: ['SEC-MISSING-VARY-ORIGIN'] },
  'no-max-age': { policy: (o) => (o === PAGE ? { ...ok(o), maxAge: null } : { allow: null }), findings: ['BP-NO-PREFLIGHT-CACHE'] },
};

let server: PolicyServer;
beforeAll(async () => {
  server = await startPolicyServer();
  for (const [path, p] of Object.entries(planted)) server.setPolicy(`/${path}`, p.policy);
});
afterAll(() => server.close());

const scan = (path: string, ...extra: string[]) => runCli(['probe', `${server.url}/${path}`, '--origin', PAGE, '--scan', '--delay', '0', '--format', 'json', ...extra]);

describe('cors-lens probe --scan', () => {
  test.each(Object.entries(planted))('%s: raises exactly %j', async (path, { findings }) => {
    const { code, out } = await scan(path);
    expect(code).toBe(0);
    const report = JSON.parse(out).scan;
    expect(report.findings.map((f: { id: string }) => f.id).sort()).toEqual([...findings].sort());
    for (const f of report.findings) {
      expect(FINDING_IDS).toContain(f.id);
      expect(f.evidence).toMatch(/Origin: .* → \d{3} with /);
    }
    // The page origin itself is allowed by every planted policy: a scan that refuses it would prove nothing.
    const page = report.classes.find((c: { class: string }) => c.class === 'page');
    expect(page.results.filter((r: { allowed: boolean }) => r.allowed).length).toBeGreaterThan(0);
  });

  test('reflection with credentials is high severity, each class reported with the exact response', async () => {
    const report = JSON.parse((await scan('reflect')).out).scan;
    expect(report.findings[0]).toMatchObject({ id: 'SEC-REFLECTED-ORIGIN', severity: 'high', confidence: 'certain' });
    const classes = report.classes.map((c: { class: string }) => c.class);
    expect(classes).toEqual(['page', 'foreign', 'null', 'prefix', 'suffix', 'unescaped-dot', 'http', 'subdomain', 'special-chars']);
    const foreign = report.classes.find((c: { class: string }) => c.class === 'foreign');
    expect(foreign.results).toHaveLength(4);
    expect(foreign.results[0].response).toContain(`Access-Control-Allow-Origin: ${foreign.origin}`);
  });

  test('a strict server: every crafted origin refused, with the reason Chrome would give', async () => {
    const report = JSON.parse((await scan('strict')).out).scan;
    for (const c of report.classes.filter((x: { class: string }) => x.class !== 'page'))
      for (const r of c.results) expect([c.class, r.allowed, r.corsError]).toEqual([c.class, false, r.mode === 'preflight' ? 'PreflightMissingAllowOriginHeader' : 'MissingAllowOriginHeader']);
  });

  test('--fail-on SEC- exits 1 on a finding, 0 on the strict server', async () => {
    expect((await scan('null-allowed', '--fail-on', 'SEC-')).code).toBe(1);
    expect((await scan('strict', '--fail-on', 'SEC-')).code).toBe(0);
  });

  test('text output: a table of classes and the findings with their fixes', async () => {
    const { out } = await runCli(['probe', `${server.url}/prefix`, '--origin', PAGE, '--scan', '--delay', '0', '--no-color']);
    expect(out).toContain('prefix         https://app.example.com.attacker.test');
    expect(out).toMatch(/\[high\] SEC-ORIGIN-PREFIX-MATCH: Match origins exactly, not by prefix/);
    expect(out).toContain('Fix: Compare the whole origin');
  });

  test('an IP-address page origin: no suffix, look-alike or subdomain to craft; an unreachable server exits 3', async () => {
    const { out } = await runCli(['probe', `${server.url}/strict`, '--origin', 'http://127.0.0.1:8701', '--scan', '--delay', '0', '--format', 'json']);
    expect(JSON.parse(out).scan.classes.map((c: { class: string }) => c.class)).toEqual(['page', 'foreign', 'null', 'prefix', 'special-chars']);
    const { code, err } = await runCli(['probe', 'http://127.0.0.1:9/x', '--origin', PAGE, '--scan', '--delay', '0']);
    expect(code).toBe(3);
    expect(err).toContain('net::ERR_CONNECTION_REFUSED; nothing to scan');
  });

  test('--format markdown: a table row per class and the findings', async () => {
    const { out } = await runCli(['probe', `${server.url}/null-allowed`, '--origin', PAGE, '--scan', '--delay', '0', '--format', 'markdown']);
    expect(out).toContain('| null | `null` | allowed | allowed | allowed | allowed |');
    expect(out).toContain('- **SEC-NULL-ORIGIN** (high): Do not allow the `null` origin.');
  });
});
