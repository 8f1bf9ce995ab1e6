// Test support for the hint engine: HAR entries (test/support/har-builder.ts) → the core's own
// analysis (hints off) → diagnose(), exactly as the analyse step will call it. Plus AWS-shaped
// response headers, so scenarios read like the catalogue's "HAR signals".
import { analyzeHar } from '../../../src/core/analyze';
import { readHar } from '../../../src/core/har/read';
import { diagnose } from '../../../src/core/hints';
import type { HintInput } from '../../../src/core/hints';
import type { ExchangeReport, Fingerprint, Hint } from '../../../src/core/types';
import { API, PAGE, entry, har } from '../../support/har-builder';

export { API, PAGE, entry, har };
export type Entry = Record<string, unknown>;

export interface Diagnosis {
  readonly exchange: ExchangeReport;
  readonly input: HintInput;
  readonly fingerprints: Fingerprint[];
  readonly hints: Hint[];
}

/** Analyse the entries with the core, pick the exchange of the last entry (the actual request), and diagnose it. */
export function diagnoseEntries(...entries: Entry[]): Diagnosis {
  const file = har(...entries);
  const report = analyzeHar(file, { hints: false });
  const observed = new Map(readHar(file).entries.map((e) => [e.index, e]));
  const last = entries.length - 1;
  const exchange = report.exchanges.find((x) => x.actualEntry === last || x.preflightEntry === last) ?? report.exchanges[report.exchanges.length - 1];
  if (!exchange) throw new Error('no exchange');
  const input: HintInput = {
    exchange,
    preflight: exchange.preflightEntry !== null ? (observed.get(exchange.preflightEntry) ?? null) : null,
    actual: exchange.actualEntry !== null ? (observed.get(exchange.actualEntry) ?? null) : null,
  };
  return { exchange, input, ...diagnose(input) };
}

export const ids = (d: Diagnosis) => d.hints.map((h) => h.id);
export const awsIds = (d: Diagnosis) => ids(d).filter((id) => !id.startsWith('GENERIC-'));

// ---- AWS-shaped URLs ------------------------------------------------------------------------------
export const REST_URL = 'https://abc123defg.execute-api.us-east-1.amazonaws.com/prod/items';
export const HTTP_URL = 'https://h1t2p3a4p5.execute-api.eu-west-1.amazonaws.com/items';
export const FURL = 'https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws/items';
export const S3_URL = 'https://my-uploads.s3.eu-central-1.amazonaws.com/photos/cat.jpg';
export const CUSTOM = 'https://api.example.com/v1/items';
/** A local server answering with AWS-shaped headers (what the lead's Chromium fixtures will be). */
export const LOCAL = 'http://127.0.0.1:8702/prod/items';

// ---- AWS-shaped response headers ------------------------------------------------------------------
type H = Record<string, string | string[]>;
export const rest = (extra: H = {}): H => ({ 'x-amzn-RequestId': 'a1b2c3d4-5678-90ab-cdef-abc123456789', 'x-amz-apigw-id': 'auoHWG1eIAMEFcQ=', 'Content-Type': 'application/json', ...extra });
export const restError = (type: string | null, extra: H = {}): H => rest({ ...(type ? { 'x-amzn-ErrorType': type } : {}), ...extra });
export const traced = { 'X-Amzn-Trace-Id': 'Root=1-69c286fb-2dd7a6f878a2d998384f62e5;Parent=2fe8f66445fc1e77;Sampled=0' };
export const httpApi = (extra: H = {}): H => ({ 'apigw-requestid': 'Mc7UVioPPHcEKPA=', 'Content-Type': 'application/json', ...extra });
export const furl = (extra: H = {}): H => ({ 'x-amzn-RequestId': 'd3c1a2b4-1111-2222-3333-444455556666', 'Content-Type': 'application/json', ...extra });
export const cloudfront = (xCache = 'Miss from cloudfront', extra: H = {}): H => ({ Via: '1.1 3035b31bddaf14eded329f8d22cf188c.cloudfront.net (CloudFront)', 'X-Amz-Cf-Pop': 'FRA56-P1', 'X-Amz-Cf-Id': 'ULZdIz6j43uGBlXyob_JctF9x7CCbwpNniiMlmNbmwzH1YWP9FsEHg==', 'X-Cache': xCache, ...extra });
export const s3 = (extra: H = {}): H => ({ Server: 'AmazonS3', 'x-amz-request-id': 'C73715EFC96D2350', 'x-amz-id-2': 'dGhpcyBpcyBhbiBleGFtcGxlIGlkLTI=', ...extra });
export const acao = (origin = PAGE): H => ({ 'Access-Control-Allow-Origin': origin });

// ---- requests -------------------------------------------------------------------------------------
/** A Chromium preflight entry (response body optional, unlike har-builder's preflight()). */
export function pf(url: string, method: string, status: number, headers: H, opts: { requestHeaders?: string; body?: string; mimeType?: string; origin?: string } = {}): Entry {
  return entry({
    method: 'OPTIONS',
    url,
    started: 1,
    requestHeaders: { Accept: '*/*', 'Access-Control-Request-Method': method, ...(opts.requestHeaders ? { 'Access-Control-Request-Headers': opts.requestHeaders } : {}), Origin: opts.origin ?? PAGE },
    status,
    responseHeaders: headers,
    body: opts.body,
    mimeType: opts.mimeType,
    resourceType: 'preflight',
    initiator: { type: 'preflight', url, requestId: '1.2' },
    error: null,
  });
}

/** The actual request after a failed preflight: never sent (status 0, net::ERR_FAILED). */
export function unsent(url: string, method: string, requestHeaders: H = {}): Entry {
  return entry({ method, url, started: 5, requestHeaders: { Origin: PAGE, ...requestHeaders }, status: 0, responseHeaders: {}, resourceType: 'fetch', error: 'net::ERR_FAILED' });
}

/** An actual fetch() that the server answered; `blocked` marks Chromium's CORS error. */
export function req(url: string, method: string, status: number, headers: H, opts: { requestHeaders?: H; body?: string; mimeType?: string; blocked?: boolean; time?: number; origin?: string } = {}): Entry {
  return entry({
    method,
    url,
    started: 5,
    time: opts.time,
    requestHeaders: { Origin: opts.origin ?? PAGE, ...(opts.requestHeaders ?? {}) },
    status,
    responseHeaders: headers,
    body: opts.body,
    mimeType: opts.mimeType,
    resourceType: 'fetch',
    error: opts.blocked === false ? null : 'net::ERR_FAILED',
  });
}
