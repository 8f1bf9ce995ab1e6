// The facts a log plan is filled with, read from the exchange report alone: the URL (API id, stage,
// region, function URL id, bucket, Amplify app id), the ids the responses carried (fingerprint `ids`),
// the time of the request and the pitfalls named. Every value is either checked against the shape AWS
// gives it or a visible UPPER_CASE placeholder.
import type { AwsLogIds, ExchangeReport, Fingerprint } from '../../types';
import { EXECUTE_API_HOST, LAMBDA_URL_HOST, S3_REST_HOST, S3_WEBSITE_HOST, type AwsService } from '../fingerprint';

export interface Value {
  readonly value: string;
  /** False: a placeholder the user replaces. */
  readonly known: boolean;
}

export interface LogsContext {
  readonly exchange: ExchangeReport;
  /** The request whose logs are searched: the preflight when the preflight failed. */
  readonly method: string;
  readonly stage: 'preflight' | 'actual';
  readonly host: string;
  readonly path: string;
  /** The URL without query or fragment (for display only; commands never carry the path). */
  readonly target: string;
  readonly services: ReadonlySet<AwsService>;
  /** Ids of the failing response first, then the other's. */
  readonly ids: AwsLogIds;
  readonly region: Value;
  readonly apiId: Value;
  /** REST stage: the first path segment on an execute-api host. */
  readonly restStage: Value;
  readonly functionUrlId: Value;
  readonly bucket: Value;
  readonly amplifyAppId: Value;
  readonly atMs: number;
  readonly startMs: number;
  readonly endMs: number;
  /** Catalogue ids of the exchange's hints, in rank order. */
  readonly pitfalls: readonly string[];
}

const WINDOW_MS = 5 * 60 * 1000;
export const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const STAGE = /^[A-Za-z0-9_-]{1,128}$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const AMPLIFY_HOST = /^[a-z0-9-]+\.(d[a-z0-9]{6,20})\.amplifyapp\.com$/;

const known = (value: string): Value => ({ value, known: true });
const placeholder = (value: string): Value => ({ value, known: false });

export function createLogsContext(x: ExchangeReport): LogsContext | null {
  if (x.fingerprints.length === 0) return null;
  const failedAt = x.allFailures[0]?.stage === 'preflight' ? 'preflight' : x.actualEntry === null && x.preflightEntry !== null ? 'preflight' : 'actual';
  const stage: 'preflight' | 'actual' = failedAt === 'preflight' && x.preflightEntry !== null ? 'preflight' : 'actual';
  const ids = mergeIds(x.fingerprints, stage);
  let host = '';
  let path = '/';
  let target = '';
  try {
    const u = new URL(x.url);
    host = u.hostname.toLowerCase();
    path = u.pathname || '/';
    target = `${u.origin}${u.pathname}`;
  } catch {
    // No URL facts: placeholders everywhere.
  }
  const api = EXECUTE_API_HOST.exec(host);
  const furl = LAMBDA_URL_HOST.exec(host);
  const s3 = S3_WEBSITE_HOST.exec(host) ?? S3_REST_HOST.exec(host);
  const amplify = AMPLIFY_HOST.exec(host);
  const regionText = api?.[3] ?? furl?.[2] ?? s3?.[2] ?? s3?.[3] ?? null;
  const segments = path.split('/').filter(Boolean);
  const first = segments[0] ? safeDecode(segments[0]) : null;
  const bucketName = s3?.[1] ?? (s3 && first ? first : null);
  return {
    exchange: x,
    method: stage === 'preflight' ? 'OPTIONS' : x.method.toUpperCase(),
    stage,
    host,
    path,
    target,
    services: new Set(x.fingerprints.map((f) => f.service as AwsService)),
    ids,
    region: regionText && REGION.test(regionText) ? known(regionText) : placeholder('YOUR_REGION'),
    apiId: api ? known(api[1]) : placeholder('YOUR_API_ID'),
    restStage: api && first && STAGE.test(first) ? known(first) : placeholder('YOUR_STAGE'),
    functionUrlId: furl ? known(furl[1]) : placeholder('YOUR_URL_ID'),
    bucket: bucketName && BUCKET.test(bucketName) ? known(bucketName) : placeholder('YOUR_BUCKET'),
    amplifyAppId: amplify ? known(amplify[1]) : placeholder('YOUR_APP_ID'),
    atMs: x.startedMs,
    startMs: Math.max(0, x.startedMs - WINDOW_MS),
    endMs: x.startedMs + WINDOW_MS,
    pitfalls: x.hints.map((h) => h.id).filter((id) => !id.startsWith('GENERIC-')),
  };
}

function mergeIds(fingerprints: readonly Fingerprint[], first: 'preflight' | 'actual'): AwsLogIds {
  const out: Record<string, string> = {};
  const ordered = [...fingerprints.filter((f) => f.stage === first), ...fingerprints.filter((f) => f.stage !== first)];
  for (const f of ordered) for (const [k, v] of Object.entries(f.ids ?? {})) if (!(k in out) && typeof v === 'string') out[k] = v;
  return out;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
