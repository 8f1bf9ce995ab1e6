// https://fetch.spec.whatwg.org/#ok-status — an ok status is a status in the range 200 to 299, inclusive.
export function isOkStatus(status: number): boolean {
  return status >= 200 && status <= 299;
}

// https://fetch.spec.whatwg.org/#redirect-status — 301, 302, 303, 307, or 308.
export function isRedirectStatus(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

// Reason phrases, for sentences like "The server answered 502 Bad Gateway" when the HAR has no statusText.
const REASON: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 206: 'Partial Content',
  301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict',
  413: 'Content Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

export function statusLine(status: number, statusText: string): string {
  const text = statusText.trim() || REASON[status] || '';
  return text ? `${status} ${text}` : String(status);
}
