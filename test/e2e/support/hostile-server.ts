// A test-only origin whose answers carry markup and script URLs in header values, for the injection proof
// (the demo stays a demo). It also serves a given HTML report and records every request it receives, so a
// test can prove that opening the report fetched nothing else.
import http from 'node:http';

export const PAYLOADS = {
  script: `<script>alert('script-header')</script>`,
  img: `"><img src=x onerror=alert('img-header')>`,
  js: `javascript:alert('js-header')`,
} as const;

export interface HostileServer {
  readonly origin: string;
  /** Paths requested so far, in order. */
  readonly hits: string[];
  setReport(html: string): void;
  close(): Promise<void>;
}

export async function startHostileServer(pageOrigin: string): Promise<HostileServer> {
  const hits: string[] = [];
  let report = '';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    hits.push(`${req.method} ${url.pathname}${url.search}`);
    const send = (status: number, headers: Record<string, string>, body = '') => {
      res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
      res.end(body);
    };
    if (url.pathname === '/report.html') return send(200, { 'Content-Type': 'text/html; charset=utf-8' }, report);
    if (req.method === 'OPTIONS') {
      // The preflight refuses the custom header, so the panel shows the hostile request header in its failure.
      return send(204, { 'Access-Control-Allow-Origin': pageOrigin, 'Access-Control-Allow-Methods': 'GET, PUT', 'Access-Control-Allow-Headers': PAYLOADS.js });
    }
    req.resume();
    if (url.pathname === '/evil-allowed') {
      return send(200, {
        'Access-Control-Allow-Origin': pageOrigin,
        'Content-Type': 'application/json',
        'X-Evil-Script': PAYLOADS.script,
        'X-Evil-Img': PAYLOADS.img,
        'X-Evil-Js': PAYLOADS.js,
      }, '{"ok":true}');
    }
    if (url.pathname === '/evil-acao') {
      // Blocked: Access-Control-Allow-Origin is markup; the panel names it as the failed parameter.
      return send(200, { 'Access-Control-Allow-Origin': PAYLOADS.img, 'X-Evil-Script': PAYLOADS.script, 'Content-Type': 'application/json' }, '{}');
    }
    return send(200, { 'Access-Control-Allow-Origin': pageOrigin }, '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    setReport: (html) => void (report = html),
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
