// Server-side examples for the generic hints: a complete, correct CORS setup for Express/Node and
// for nginx, filled with the page's origin, the methods and the headers this request needed. The
// focus line at the top says which part fixes the failure at hand.
import type { HintFix } from '../types';
import type { FillValues } from './fill';

export type GenericFocus = 'origin' | 'credentials' | 'preflight-status' | 'methods' | 'headers' | 'single-value' | 'private-network' | 'errors';

const FOCUS: Record<GenericFocus, string> = {
  origin: 'echo the page origin from an allowlist, on every response',
  credentials: 'a concrete origin plus Access-Control-Allow-Credentials: true',
  'preflight-status': 'answer OPTIONS with 204 before auth, routing or redirects',
  methods: 'list the method in Access-Control-Allow-Methods',
  headers: 'list every requested header in Access-Control-Allow-Headers',
  'single-value': 'exactly one Access-Control-Allow-Origin, set in one place',
  'private-network': 'Access-Control-Allow-Private-Network: true on the preflight',
  errors: 'CORS headers on error responses too',
};

export function expressFix(f: FillValues, focus: GenericFocus): HintFix {
  const methods = f.allowMethods.filter((m) => m !== 'OPTIONS').join(',');
  return {
    toolchain: 'generic',
    language: 'js',
    title: 'Express / Node.js',
    snippet: `// The fix: ${FOCUS[focus]}.
import express from 'express';

const app = express();
const ALLOWED = new Set([${JSON.stringify(f.origin.value)}]);

// Mount before authentication, routers and error handlers so every response, errors included, gets the headers.
app.use((req, res, next) => {
  const origin = req.headers.origin;
  res.vary('Origin');
  if (origin && ALLOWED.has(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);${f.credentials || focus === 'credentials' ? "\n    res.setHeader('Access-Control-Allow-Credentials', 'true');" : ''}
  }
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Methods', ${JSON.stringify(methods)});
    res.setHeader('Access-Control-Allow-Headers', ${JSON.stringify(f.allowHeaders.join(','))});
    res.setHeader('Access-Control-Max-Age', '600');${focus === 'private-network' ? "\n    if (req.headers['access-control-request-private-network'] === 'true') res.setHeader('Access-Control-Allow-Private-Network', 'true');" : ''}
    res.sendStatus(204);
    return;
  }
  next();
});

app.listen(3000);
`,
  };
}

export function nginxFix(f: FillValues, focus: GenericFocus): HintFix {
  const methods = f.allowMethods.filter((m) => m !== 'OPTIONS').join(', ');
  const creds = f.credentials || focus === 'credentials' ? '\n    add_header Access-Control-Allow-Credentials "true" always;' : '';
  return {
    toolchain: 'generic',
    language: 'nginx',
    title: 'nginx (in front of your app)',
    snippet: `# The fix: ${FOCUS[focus]}.
map $http_origin $cors_origin {
  default "";
  "${f.origin.value}" $http_origin;
}

server {
  listen 80;
  location / {
    # one layer owns CORS: drop whatever the app sends
    proxy_hide_header Access-Control-Allow-Origin;
    proxy_hide_header Access-Control-Allow-Credentials;
    if ($request_method = OPTIONS) {
      add_header Access-Control-Allow-Origin $cors_origin always;${creds.replace(/\n {4}/g, '\n      ')}
      add_header Access-Control-Allow-Methods "${methods}" always;
      add_header Access-Control-Allow-Headers "${f.allowHeaders.join(', ')}" always;${focus === 'private-network' ? '\n      add_header Access-Control-Allow-Private-Network "true" always;' : ''}
      add_header Access-Control-Max-Age 600 always;
      add_header Vary Origin always;
      return 204;
    }
    # "always" adds the headers to 4xx/5xx answers too
    add_header Access-Control-Allow-Origin $cors_origin always;${creds}
    add_header Vary Origin always;
    proxy_pass http://127.0.0.1:3000;
  }
}
`,
  };
}

export function pageSnippet(title: string, code: string): HintFix {
  return { toolchain: 'generic', language: 'js', title, snippet: code.replace(/^\n+/, '').trimEnd() + '\n' };
}

export function textFix(title: string, text: string): HintFix {
  return { toolchain: 'generic', language: 'text', title, snippet: `${text}\n` };
}
