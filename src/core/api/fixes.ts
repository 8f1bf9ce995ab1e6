// One fix per API and cause: the blocked routes that one platform lever fixes, with the union of the
// methods and headers the page needed across them. The snippets are the hint engine's fix blocks
// (src/core/hints/fixes/), filled with the union instead of one exchange's values.
import type { HintFix } from '../types';
import type { FillValues } from '../hints/fill';
import { expressFix, nginxFix } from '../hints/generic-snippets';
import { fixes } from '../hints/fixes/common';
import { fxCloudFront } from '../hints/fixes/cloudfront';
import { fxLambda } from '../hints/fixes/lambda';
import { fxFunctionUrlCors, fxHttpApiCors, fxS3Cors } from '../hints/fixes/platform';
import { fxGatewayResponses, fxRestPreflight } from '../hints/fixes/rest';
import type { FixCause } from './types';

interface CauseDefinition {
  readonly title: string;
  /** Which of the union (methods, headers) the fix's configuration lists. */
  readonly lists: { readonly methods: boolean; readonly headers: boolean };
  /** What the routes share; `{routes}` is replaced by their list. */
  readonly shared: string;
  readonly build: (f: FillValues, aws: boolean) => readonly HintFix[];
}

export const FIX_CAUSES: Record<FixCause, CauseDefinition> = {
  'rest-preflight': {
    lists: { methods: true, headers: true },
    title: 'Answer every preflight of the REST API (OPTIONS on each resource)',
    shared: 'The preflights of {routes} got no CORS answer from the REST API: those resources have no working OPTIONS method. CDK\'s defaultCorsPreflightOptions or SAM\'s Cors covers every resource at once; in the console, Enable CORS on each resource, then deploy.',
    build: (f) => fixes(fxRestPreflight.fresh(f), fxLambda.fresh(f)),
  },
  'rest-gateway-responses': {
    lists: { methods: false, headers: true },
    title: 'Add CORS headers to the REST API\'s gateway responses',
    shared: 'API Gateway itself answered {routes} (an error it generated: auth, throttling, a missing route, an integration failure) without CORS headers. One Gateway Responses change (DEFAULT_4XX and DEFAULT_5XX) covers every gateway error of the API.',
    build: (f) => fxGatewayResponses.fresh(f),
  },
  'http-api-cors': {
    lists: { methods: true, headers: true },
    title: 'Configure CORS once on the HTTP API',
    shared: 'The HTTP API answered {routes} without the CORS headers the page needs. Its CORS configuration applies to every route: one configuration with the union of methods and headers below.',
    build: (f) => fxHttpApiCors.fresh(f),
  },
  'function-url-cors': {
    lists: { methods: true, headers: true },
    title: 'Configure CORS once on the function URL',
    shared: 'The function URL answered {routes} without the CORS headers the page needs. One CORS configuration on the URL covers them all (and the function must not add its own).',
    build: (f) => fixes(fxFunctionUrlCors.fresh(f), fxLambda.fresh(f)),
  },
  's3-cors': {
    lists: { methods: true, headers: false },
    title: 'One CORS configuration on the bucket',
    shared: 'The bucket answered {routes} without a matching CORS rule. A bucket has one CORS configuration: put every origin and method in it.',
    build: (f) => fxS3Cors.fresh(f),
  },
  'cloudfront-response-policy': {
    lists: { methods: true, headers: true },
    title: 'Let one response headers policy add CORS on the distribution',
    shared: 'CloudFront answered {routes} without the CORS headers the page needs. A response headers policy on the behavior adds them to every response, errors included.',
    build: (f) => fxCloudFront.fresh(f, 'response-policy'),
  },
  'backend-headers': {
    lists: { methods: true, headers: true },
    title: 'Send the CORS headers from the backend, on every response',
    shared: 'The server behind the API answered {routes} without the CORS headers the page needs. One middleware that answers OPTIONS and adds the headers to every response (errors included) covers them all.',
    build: (f, aws) => (aws ? fxLambda.fresh(f) : [expressFix(f, 'origin'), nginxFix(f, 'origin')]),
  },
};

/** Union of lists, keeping first-seen order and comparing case-insensitively. */
export function union(into: string[], items: readonly string[]): void {
  for (const item of items) if (!into.some((x) => x.toLowerCase() === item.toLowerCase())) into.push(item);
}

/** The fill values of the first blocked exchange, with the union of methods and headers and the given origin. */
export function unionFill(first: FillValues, o: { origin: string | null; methods: readonly string[]; headers: readonly string[]; credentials: boolean; resourcePath: string }): FillValues {
  const methods = o.methods.filter((m) => m !== 'OPTIONS');
  return {
    ...first,
    origin: o.origin ? { value: o.origin, known: true } : first.origin,
    allowMethods: [...methods, 'OPTIONS'],
    allowHeaders: [...o.headers],
    credentials: o.credentials,
    resourcePath: o.resourcePath,
  };
}
