// The filter box: whitespace-separated terms, all of which must match (case-insensitive) the URL,
// method, either status, the verdict or Chrome's error name. A leading `-` negates a term.
import type { ExchangeReport } from '../core/analysis';

export interface ParsedFilter {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

export function parseFilter(text: string): ParsedFilter {
  const include: string[] = [];
  const exclude: string[] = [];
  for (const term of text.toLowerCase().split(/\s+/)) {
    if (term.length > 1 && term.startsWith('-')) exclude.push(term.slice(1));
    else if (term && term !== '-') include.push(term);
  }
  return { include, exclude };
}

function haystack(x: ExchangeReport): string {
  return [x.method, x.url, String(x.pageStatus), x.serverStatus ?? '', x.verdict, x.corsError ?? '', x.failedParameter ?? '']
    .join(' ')
    .toLowerCase();
}

export function matchesFilter(x: ExchangeReport, filter: ParsedFilter): boolean {
  if (filter.include.length === 0 && filter.exclude.length === 0) return true;
  const text = haystack(x);
  return filter.include.every((t) => text.includes(t)) && !filter.exclude.some((t) => text.includes(t));
}
