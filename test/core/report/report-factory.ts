// Hand-built analysis results, so the renderers can be tested without the analyser.
//   report(exchange({ verdict: 'blocked', corsError: 'PreflightMissingAllowOriginHeader', preflightEntry: 0, actualEntry: null }))
import type { AnalysisReport, CheckRow, ExchangeReport, Failure, Hint } from '../../../src/core/types';
import { countExchanges } from '../../../src/core/report/scope';

export const SPEC = { id: 'cors-check#2', url: 'https://fetch.spec.whatwg.org/#concept-cors-check' };

export function check(overrides: Partial<CheckRow> = {}): CheckRow {
  return {
    stage: 'preflight',
    header: 'Access-Control-Allow-Origin',
    status: 'missing',
    expected: 'http://127.0.0.1:8701 or *',
    actual: null,
    spec: SPEC,
    corsError: 'PreflightMissingAllowOriginHeader',
    ...overrides,
  };
}

export function failure(overrides: Partial<Failure> = {}): Failure {
  return {
    corsError: 'PreflightMissingAllowOriginHeader',
    failedParameter: '',
    stage: 'preflight',
    entry: 0,
    spec: SPEC,
    message: "Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present.",
    firefoxReason: 'CORSMissingAllowOrigin',
    ...overrides,
  };
}

export function hint(overrides: Partial<Hint> = {}): Hint {
  return {
    id: 'APIGW-R05',
    title: 'Return CORS headers from API Gateway error responses',
    confidence: 'likely',
    evidence: ['x-amzn-errortype: MissingAuthenticationTokenException'],
    explanation: 'API Gateway answered the preflight itself, without CORS headers.',
    fixes: [{ toolchain: 'cli', language: 'sh', title: 'Add gateway responses', snippet: 'aws apigateway put-gateway-response --response-type DEFAULT_4XX' }],
    docs: [{ title: 'Enabling CORS for a REST API resource', url: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors.html' }],
    ...overrides,
  };
}

export function exchange(overrides: Partial<ExchangeReport> = {}): ExchangeReport {
  const blocked = (overrides.verdict ?? 'blocked') === 'blocked';
  return {
    id: 'x0',
    url: 'http://127.0.0.1:8702/thing',
    method: 'PUT',
    origin: 'http://127.0.0.1:8701',
    originFrom: 'origin-header',
    kind: 'cors',
    notCorsReason: null,
    actualEntry: 1,
    preflightEntry: 0,
    redirectedFrom: null,
    pairing: { method: 'matched', detail: 'Preflight and request match on URL, origin and method.' },
    startedMs: 0,
    verdict: 'blocked',
    unknownReason: null,
    corsError: blocked ? 'PreflightMissingAllowOriginHeader' : null,
    failedParameter: blocked ? '' : null,
    allFailures: blocked ? [failure()] : [],
    firefoxReason: blocked ? 'CORSMissingAllowOrigin' : null,
    pageStatus: 0,
    serverStatus: null,
    hiddenStatus: blocked ? { status: 403, statusText: 'Forbidden', stage: 'preflight', sentence: 'The server answered 403 Forbidden; the page only saw a CORS error.' } : null,
    preflightReason: {
      needed: true,
      methodSafelisted: false,
      unsafeHeaders: [{ name: 'x-api-key', why: 'not-safelisted', detail: 'x-api-key is not a CORS-safelisted request header.' }],
      source: 'preflight-request',
      avoid: ['Send the key as a query parameter instead of a header.'],
    },
    credentials: { value: 'not-include', from: 'no-cookie-header' },
    checks: blocked ? [check()] : [check({ status: 'ok', actual: 'http://127.0.0.1:8701', corsError: undefined })],
    browser: { kind: blocked ? 'blocked' : 'passed', error: blocked ? 'net::ERR_FAILED' : null },
    summary: blocked ? 'Blocked: the preflight response has no Access-Control-Allow-Origin.' : 'Allowed.',
    fingerprints: [],
    hints: blocked ? [hint()] : [],
    ...overrides,
  };
}

export function report(...exchanges: ExchangeReport[]): AnalysisReport {
  const entries = Math.max(0, ...exchanges.flatMap((x) => [x.actualEntry ?? -1, x.preflightEntry ?? -1])) + 1;
  return {
    schemaVersion: 1,
    tool: { name: 'cors-lens', version: '0.1.0' },
    input: { flavour: 'chromium', entries, skipped: 0, creator: 'test' },
    exchanges,
    problems: [],
    counts: countExchanges(exchanges),
  };
}
