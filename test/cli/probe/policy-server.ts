// A loopback API whose CORS policy is a function the test picks (and changes between runs): planted
// misconfigurations for --scan, a broken-then-fixed policy for --from. Records every request it gets.
import http from 'node:http';

export type Policy = (origin: string | null, req: http.IncomingMessage) => { allow: string | null; credentials?: boolean; vary?: boolean; maxAge?: string | null; methods?: string; headers?: string };

export interface PolicyServer {
  readonly url: string;
  readonly requests: Array<{ method: string; path: string; headers: Record<string, string | string[] | undefined> }>;
  setPolicy(path: string, policy: Policy): void;
  close(): Promise<void>;
}

export async function startPolicyServer(): Promise<PolicyServer> {
  const policies = new Map<string, Policy>();
  const requests: PolicyServer['requests'] = [];
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ method: req.method ?? '', path, headers: req.headers });
    const policy = policies.get(path);
    const origin = (req.headers.origin as string | undefined) ?? null;
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    const p = policy?.(origin, req) ?? { allow: null };
    const headers: string[] = [];
    if (p.allow !== null) headers.push('Access-Control-Allow-Origin', p.allow);
    if (p.allow !== null && p.credentials) headers.push('Access-Control-Allow-Credentials', 'true');
    if (p.vary !== false) headers.push('Vary', 'Origin');
    if (preflight && p.allow !== null) {
      headers.push('Access-Control-Allow-Methods', p.methods ?? 'GET, PUT, POST');
      if (p.headers) headers.push('Access-Control-Allow-Headers', p.headers);
      if (p.maxAge !== null) headers.push('Access-Control-Max-Age', p.maxAge ?? '600');
    }
    res.writeHead(preflight ? 204 : policy ? 200 : 404, [...headers, 'Content-Type', 'application/json']);
    res.end(preflight ? '' : '{"ok":true}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setPolicy: (path, policy) => policies.set(path, policy),
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
