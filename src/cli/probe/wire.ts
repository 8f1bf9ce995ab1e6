// Sending one request exactly as planned (node:http/https with a raw header array: our order, our Host,
// nothing added but what is listed), and reading the answer with its header lines as they came.
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import type { WireRequest } from './plan';

export interface WireResponse {
  readonly status: number;
  readonly statusText: string;
  /** Header lines in wire order, duplicates kept. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  /** Decoded text (up to 64 KiB), or null when the encoding is one we cannot decode. */
  readonly body: string | null;
  readonly bodyBytes: number;
  /** The connection closed before the body was complete (Chromium: net::ERR_CONTENT_LENGTH_MISMATCH, a network error). */
  readonly truncated: boolean;
}

/** A request that got no HTTP answer, with the net:: error Chromium would report for it. */
export interface WireFailure {
  readonly error: string;
  readonly message: string;
}

export type WireResult = { readonly ok: true; readonly response: WireResponse; readonly ms: number } | { readonly ok: false; readonly failure: WireFailure; readonly ms: number };

const MAX_BODY = 64 * 1024;

/** Chromium's net error names for what node reports (net/base/net_error_list.h). */
function netError(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ECONNREFUSED': return 'net::ERR_CONNECTION_REFUSED';
    case 'ECONNRESET': return 'net::ERR_CONNECTION_RESET';
    case 'ENOTFOUND': case 'EAI_AGAIN': return 'net::ERR_NAME_NOT_RESOLVED';
    case 'ETIMEDOUT': return 'net::ERR_TIMED_OUT';
    case 'EHOSTUNREACH': return 'net::ERR_ADDRESS_UNREACHABLE';
    case 'HPE_INVALID_CONSTANT': case 'HPE_INVALID_VERSION': case 'HPE_INVALID_STATUS': return 'net::ERR_INVALID_HTTP_RESPONSE';
    default:
      if (err.code?.startsWith('ERR_TLS') || err.code?.includes('CERT')) return 'net::ERR_CERT_INVALID';
      return 'net::ERR_FAILED';
  }
}

export function sendWire(request: WireRequest, options: { timeoutMs: number; insecure?: boolean }): Promise<WireResult> {
  const started = Date.now();
  const url = new URL(request.url);
  const flat: string[] = [];
  for (const [n, v] of request.headers) flat.push(n, v);
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: WireResult) => {
      if (settled) return;
      settled = true;
      resolve(r);
    };
    const req = lib.request(
      {
        protocol: url.protocol, hostname: url.hostname.replace(/^\[|\]$/g, ''), port: url.port || undefined, path: `${url.pathname}${url.search}`,
        method: request.method, headers: flat as unknown as http.OutgoingHttpHeaders, setHost: false, agent: false,
        ...(url.protocol === 'https:' ? { rejectUnauthorized: !options.insecure, servername: url.hostname } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        res.on('data', (c: Buffer) => {
          bytes += c.length;
          if (bytes <= MAX_BODY * 4) chunks.push(c);
        });
        const finish = () => {
          if (settled) return;
          const headers: Array<[string, string]> = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) headers.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
          done({ ok: true, ms: Date.now() - started, response: { status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers, body: decode(Buffer.concat(chunks), res.headers['content-encoding']), bodyBytes: bytes, truncated: !res.complete } });
          res.socket?.destroy();
        };
        res.on('end', finish);
        // A body cut short still leaves the status and headers the CORS checks need.
        res.on('error', finish);
        res.on('aborted', finish);
      },
    );
    req.setTimeout(options.timeoutMs, () => {
      done({ ok: false, ms: Date.now() - started, failure: { error: 'net::ERR_TIMED_OUT', message: `no answer within ${options.timeoutMs} ms` } });
      req.destroy();
    });
    req.on('error', (err: NodeJS.ErrnoException) => done({ ok: false, ms: Date.now() - started, failure: { error: netError(err), message: err.message } }));
    if (request.body !== null) req.write(request.body);
    req.end();
  });
}

function decode(buf: Buffer, encoding: string | string[] | undefined): string | null {
  const enc = (Array.isArray(encoding) ? encoding.join(',') : (encoding ?? '')).trim().toLowerCase();
  try {
    const raw = enc === '' || enc === 'identity' ? buf : enc === 'gzip' ? zlib.gunzipSync(buf) : enc === 'deflate' ? zlib.inflateSync(buf) : enc === 'br' ? zlib.brotliDecompressSync(buf) : null;
    return raw === null ? null : raw.subarray(0, MAX_BODY).toString('utf8');
  } catch {
    return null;
  }
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The request as a curl command line (`--dry-run`): every header we would send except the ones curl writes itself. */
export function toCurl(request: WireRequest): string {
  const parts = [request.headers.some(([n]) => n.toLowerCase() === 'accept-encoding') ? 'curl -i --compressed' : 'curl -i'];
  if (request.method !== 'GET' || request.body !== null) parts.push(`-X ${shellQuote(request.method)}`);
  parts.push(shellQuote(request.url));
  for (const [name, value] of request.headers) {
    const lower = name.toLowerCase();
    if (lower === 'host' || lower === 'connection' || lower === 'content-length') continue;
    parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  if (request.body !== null) parts.push(`--data-binary ${shellQuote(request.body)}`);
  return parts.join(' \\\n  ');
}
