// Predicates and evidence sentences shared by the pitfall rules. Each reads HAR fields only.
import type { CorsError } from '../../cors/errors';
import { statusLine } from '../../fetch/status';
import type { Fingerprint } from '../../types';
import type { HintContext } from '../context';
import { lacksAllowOrigin, serviceAt } from '../context';
import type { AwsService } from '../fingerprint';
import type { HintStage, ResponseView } from '../view';

export const REST: AwsService[] = ['apigw-rest', 'apigw'];
export const HTTP_API: AwsService[] = ['apigw-http'];

/** The failing response, when it is at `stage` and was answered. */
export function failingAt(ctx: HintContext, stage: HintStage): ResponseView | null {
  return ctx.blocked && ctx.failedStage === stage && ctx.failing?.answered ? ctx.failing : null;
}

/** A preflight that failed on its status (non-2xx, not a redirect). */
export function rejectedPreflight(ctx: HintContext): ResponseView | null {
  const r = failingAt(ctx, 'preflight');
  return r && (ctx.errors.has('PreflightInvalidStatus') || r.status < 200 || r.status > 299) && !(r.status >= 300 && r.status < 400) ? r : null;
}

/** The actual response failed because it has no Access-Control-Allow-Origin. */
export function actualWithoutAcao(ctx: HintContext): ResponseView | null {
  const r = failingAt(ctx, 'actual');
  return r && (ctx.errors.has('MissingAllowOriginHeader') || lacksAllowOrigin(r)) && lacksAllowOrigin(r) ? r : null;
}

export function hasError(ctx: HintContext, ...errors: CorsError[]): boolean {
  return errors.some((e) => ctx.errors.has(e));
}

/** Some response at `stage` was fingerprinted (as any AWS service). */
export function fingerprintedAt(ctx: HintContext, stage: HintStage): boolean {
  for (const f of ctx.fingerprints) if (f.stage === stage) return true;
  return false;
}

/** Some response of the exchange was fingerprinted as one of `services` (a cheap first check for a rule). */
export function hasService(ctx: HintContext, services: readonly AwsService[]): boolean {
  for (const f of ctx.fingerprints) if (services.includes(f.service as AwsService)) return true;
  return false;
}

export function fp(ctx: HintContext, stage: HintStage, services: readonly AwsService[]): Fingerprint | undefined {
  return serviceAt(ctx.fingerprints, stage, services);
}

/** "The server answered 403 Forbidden with x-amzn-ErrorType: X — the page only saw a CORS error." */
export function hidden(r: ResponseView): string {
  const type = r.errorType ? ` with x-amzn-ErrorType: ${r.errorType}` : '';
  const body = r.body.message ? ` and body {"message": "${r.body.message}"}` : r.body.xmlCode ? ` and S3 error <Code>${r.body.xmlCode}</Code>` : '';
  const what = r.stage === 'preflight' ? 'the preflight (OPTIONS)' : `${r.entry.method} ${r.path}`;
  return `The server answered ${what} with ${statusLine(r.status, r.entry.statusText)}${type}${body}; the page only saw a CORS error.`;
}

export function fingerprintEvidence(f: Fingerprint | undefined, max = 2): string[] {
  return f ? f.evidence.slice(0, max) : [];
}

export function noAcaoEvidence(r: ResponseView): string {
  return `${r.stage === 'preflight' ? 'The preflight response' : 'The response'} has no Access-Control-Allow-Origin header.`;
}

/** The browser never sends credentials on a preflight; say what the actual request would have carried. */
export function authHeaderEvidence(ctx: HintContext): string | null {
  const auth = ctx.input.actual?.requestHeaders.find(([n]) => n === 'authorization')?.[1];
  const key = ctx.input.actual?.requestHeaders.some(([n]) => n === 'x-api-key');
  if (auth) return `The actual request carries Authorization: ${auth.split(' ')[0]} … (never sent on a preflight).`;
  if (key) return 'The actual request carries x-api-key (never sent on a preflight).';
  if (ctx.requestedHeaders.includes('authorization')) return 'The preflight asks to send Authorization; the preflight itself carries none.';
  return null;
}

export function cloudFrontInFront(ctx: HintContext, stage: HintStage): Fingerprint | undefined {
  return ctx.at(stage, 'cloudfront');
}

export function xCache(r: ResponseView): string {
  return r.header('x-cache') ?? '';
}

export function confirmLine(text: string): string {
  return `To confirm: ${text}`;
}
