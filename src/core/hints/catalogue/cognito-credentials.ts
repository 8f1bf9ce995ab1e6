// Amazon Cognito answered a credentialed request with * (catalogue §1.7: "Amazon Cognito returns an
// Access-Control-Allow-Origin: * response header to all requests" and supports no custom CORS policy).
// COG-02 covers the hosted UI's /oauth2/token; this entry covers every other Cognito endpoint (user pools API,
// identity pools, the hosted UI's userInfo and the rest), which X-02 leaves to the Cognito entries.
import { pageFix } from '../fixes/common';
import { DOCS } from './docs';
import { hasError } from './rules';
import type { Pitfall } from './types';

const COGNITO = ['cognito-idp', 'cognito-identity', 'cognito-hosted-ui'] as const;

export const COG03: Pitfall = {
  id: 'COG-03',
  section: 'Amazon Cognito',
  title: 'Call Cognito without credentials: it answers every origin with *',
  harConfidence: 'certain',
  rule: 'A Cognito endpoint (cognito-idp / cognito-identity / a hosted-UI domain, except /oauth2/token: COG-02) answered Access-Control-Allow-Origin: * to a request sent with credentials (WildcardOriginNotAllowed / PreflightWildcardOriginNotAllowed, or Access-Control-Allow-Credentials missing).',
  confirm: "The page's fetch / XHR credentials setting (credentials: 'include', withCredentials, an HTTP client default).",
  needs: [...COGNITO],
  detect: (ctx) => {
    const r = ctx.failing;
    if (!r?.answered || !ctx.blocked || !ctx.at(r.stage, ...COGNITO)) return null;
    if (ctx.at(r.stage, 'cognito-hosted-ui') && r.path.startsWith('/oauth2/token')) return null;
    const wildcard = hasError(ctx, 'WildcardOriginNotAllowed', 'PreflightWildcardOriginNotAllowed');
    const acac = hasError(ctx, 'InvalidAllowCredentials', 'PreflightInvalidAllowCredentials') && r.header('access-control-allow-origin') === '*';
    if (!wildcard && !acac) return null;
    const target = r.requestHeader('x-amz-target') ?? ctx.input.actual?.requestHeaders.find(([n]) => n === 'x-amz-target')?.[1] ?? (ctx.requestedHeaders.includes('x-amz-target') ? '(asked for by the preflight)' : undefined);
    return {
      confidence: 'certain',
      evidence: [
        `${r.stage === 'preflight' ? 'The preflight answer' : 'The response'} from ${r.host} carries Access-Control-Allow-Origin: *, and the request was sent with credentials (${ctx.exchange.credentials.value}, from ${ctx.exchange.credentials.from}).`,
        ...(target ? [`X-Amz-Target: ${target} — a Cognito API call, authenticated by its body or token, not by cookies.`] : []),
        'Cognito answers * to every origin and has no CORS setting: only the page can change this.',
      ],
    };
  },
  explanation: () => 'Cognito (the user pools API, identity pools and the hosted UI) answers every request with Access-Control-Allow-Origin: * and no Access-Control-Allow-Credentials, and offers no setting to change it. A request sent with credentials (cookies) is therefore always refused by the browser. Cognito calls need no cookies: send them with credentials omitted (the AWS SDK and Amplify do; an HTTP client configured withCredentials: true, or a fetch wrapper adding credentials: "include", does not).',
  fixes: () => [
    pageFix('Send Cognito calls without credentials (in the page)', "// fetch\nconst res = await fetch(cognitoUrl, { method: 'POST', credentials: 'omit', headers, body });\n// axios: not for Cognito calls\nconst cognito = axios.create({ withCredentials: false });\n// XMLHttpRequest\nxhr.withCredentials = false;"),
  ],
  docs: [DOCS.cognitoHostedUi, DOCS.mdnCors],
};
