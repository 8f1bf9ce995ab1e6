// Small display helpers shared by the list and the detail view.
import { FAILURE_TEXT, type CorsError } from '../core/analysis';
import { strings } from './strings';

/** "api.example.com:8702/items/1?x=1" — host and path, without the scheme. */
export function hostAndPath(url: string): string {
  try {
    const u = new URL(url);
    return u.host + u.pathname + u.search;
  } catch {
    return url;
  }
}

/** Local wall-clock time with milliseconds, like the Network panel's waterfall tooltips. */
export function clockTime(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const d = new Date(ms);
  const pad = (v: number, w = 2) => String(v).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** Response and request headers that matter to CORS, highlighted in the headers view. */
export function isCorsHeader(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith('access-control-') || n === 'origin' || n === 'vary' || n === 'cookie' || n === 'authorization';
}

/** "/items/1?x=1" — the Network panel's Name: path and query, never the host alone. */
export function pathAndQuery(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}

/** "api.example.com:8702" — the host, shown beside the name. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** The plain sentence for a Chrome CorsError name (its tooltip everywhere a badge shows the name). */
export function plainCorsError(error: CorsError, failedParameter: string | null = ''): string {
  const cause = FAILURE_TEXT[error].cause(failedParameter ?? '');
  return strings.badgeTitle(error, cause);
}
