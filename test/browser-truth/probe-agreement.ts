// `cors-lens probe` against Chromium on the browser-truth matrix: the same scenarios (scenarios.mjs, recorded as
// test/fixtures/browser-truth/chromium/*.json with Chromium 156's own CDP verdicts), served again by the same
// server (server.mjs), probed over the network, and compared fetch by fetch — verdict, corsError, and the
// preflight's header lines against the ones Chromium put on the wire.
import { probeFetch, type ProbeOutcome } from '../../src/cli/probe/exchange';
import { createSender } from '../../src/cli/probe/sender';
import type { FetchSpec } from '../../src/cli/probe/plan';
import { loadFixtures, type Truth } from './agreement';

interface ScenarioFetch {
  target: string;
  from?: string;
  route: string;
  init: { method: string; headers: Array<[string, string]>; body?: string; bodyBytes?: number; credentials: string; mode: string; redirect: string; targetAddressSpace?: string };
}
export interface ProbeFixture {
  id: string;
  scenario: { id: string; fetches: ScenarioFetch[] };
  origins: Record<string, string>;
  fetches: Array<{ truth: Truth }>;
  wire: Array<{ origin: string; method: string; rawHeaders: string[] }>;
}

/**
 * The scenarios a probe can meet: one fetch in CORS mode from the page (origin A) to another origin, following
 * redirects, with no Local Network Access option (a probe has no address spaces). Frames P/Q/L/W, no-cors and
 * manual-redirect modes, and preflight-cache sequences are the browser's alone.
 */
export function probeableFixtures(): ProbeFixture[] {
  return (loadFixtures() as unknown as ProbeFixture[]).filter((f) => {
    if (!f.scenario || f.scenario.fetches.length !== 1) return false;
    const s = f.scenario.fetches[0];
    const outcome = f.fetches[0].truth.outcome;
    return (s.from ?? 'A') === 'A' && s.init.mode === 'cors' && s.init.redirect === 'follow' && !s.init.targetAddressSpace &&
      ['B', 'C'].includes(s.target) && outcome !== 'not-sent';
  });
}

export function specFor(f: ProbeFixture, origins: Record<string, string>): FetchSpec {
  const s = f.scenario.fetches[0];
  const body = s.init.bodyBytes ? 'A'.repeat(s.init.bodyBytes) : (s.init.body ?? null);
  return {
    url: `${origins[s.target]}/s/${f.id}/${s.route}`, origin: origins.A, method: s.init.method, headers: s.init.headers,
    credentials: s.init.credentials as FetchSpec['credentials'], body, cookie: null,
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
  };
}

export interface ProbeComparison {
  id: string;
  truth: Truth;
  ours: { verdict: string; corsError: string | null; failedParameter: string | null };
  verdictAgrees: boolean;
  errorAgrees: boolean;
  parameterAgrees: boolean;
  outcome: ProbeOutcome;
}

export async function probeScenario(f: ProbeFixture, origins: Record<string, string>): Promise<ProbeComparison> {
  const sender = createSender({ budget: 50, delayMs: 0, timeoutMs: 5000, dryRun: false, insecure: false, announce: () => {} });
  const outcome = await probeFetch(specFor(f, origins), sender, { sendActual: true, hints: false });
  const x = outcome.final;
  const truth = { ...f.fetches[0].truth };
  const ours = { verdict: x?.verdict ?? 'none', corsError: x?.corsError ?? null, failedParameter: x?.failedParameter ?? null };
  const expected = truth.outcome === 'network-error' ? 'unknown' : truth.outcome;
  // The recorded failedParameter names the recording's origins; this run's server listens on other ports.
  if (truth.failedParameter) truth.failedParameter = withOrigins(truth.failedParameter, f.origins, origins);
  const verdictAgrees = ours.verdict === expected;
  const errorAgrees = verdictAgrees && ours.corsError === truth.corsError;
  return { id: f.id, truth, ours, verdictAgrees, errorAgrees, parameterAgrees: errorAgrees && (truth.outcome !== 'blocked' || ours.failedParameter === (truth.failedParameter ?? '')), outcome };
}

/** Replaces the recording's ports (47101, 47102, …) with this run's, wherever they appear. */
export function withOrigins(value: string, recorded: Record<string, string>, now: Record<string, string>): string {
  const port = (o: string) => /:(\d+)$/.exec(o)?.[1];
  let out = value;
  for (const [k, o] of Object.entries(recorded)) {
    const from = port(o);
    const to = now[k] ? port(now[k]) : undefined;
    if (from && to) out = out.split(`:${from}`).join(`:\u0000${to}`);
  }
  return out.split('\u0000').join('');
}

/** Chromium's preflight header lines (name: value, in order) with the recorded origins swapped for this run's. */
export function chromiumPreflightLines(f: ProbeFixture, origins: Record<string, string>): string[][] {
  const swap = (v: string) => withOrigins(v, f.origins, origins);
  return f.wire
    .filter((w) => w.method === 'OPTIONS' && w.rawHeaders.some((h, i) => i % 2 === 0 && h.toLowerCase() === 'access-control-request-method'))
    .map((w) => {
      const lines: string[] = [];
      for (let i = 0; i < w.rawHeaders.length; i += 2) lines.push(`${w.rawHeaders[i]}: ${swap(w.rawHeaders[i + 1])}`);
      return lines;
    });
}
