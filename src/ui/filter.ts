// The filter box: whitespace-separated terms, all of which must match (case-insensitive) the URL,
// method, either status, the verdict, Chrome's error name, the plain summary, or — once the hint engine
// has run — the AWS service ("api gateway", "lambda") and the pitfall ids and titles. A leading `-`
// negates a term. A quoted phrase ("api gateway") is one term; unquoted words each have to match.
import type { ExchangeReport } from '../core/analysis';
import { serviceWords } from './strings';

export interface ParsedFilter {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

export function parseFilter(text: string): ParsedFilter {
  const include: string[] = [];
  const exclude: string[] = [];
  const terms = text.toLowerCase().match(/-?"[^"]*"?|\S+/g) ?? [];
  for (const raw of terms) {
    const term = raw.replace(/"/g, '');
    if (term.length > 1 && term.startsWith('-')) exclude.push(term.slice(1));
    else if (term && term !== '-') include.push(term);
  }
  return { include, exclude };
}

/**
 * Whether every exchange `next` lets through, `previous` lets through too (so a keystroke need only look at the rows
 * already shown): each term `previous` requires is part of one `next` requires (typing on, or one more term), and each
 * term `previous` excludes has a part that `next` excludes.
 */
export function narrows(previous: ParsedFilter, next: ParsedFilter): boolean {
  return (
    previous.include.every((t) => next.include.some((n) => n.includes(t))) &&
    previous.exclude.every((t) => next.exclude.some((n) => t.includes(n)))
  );
}

const haystacks = new WeakMap<ExchangeReport, string>();

function haystack(x: ExchangeReport): string {
  let text = haystacks.get(x);
  if (text === undefined) {
    text = [
      x.method,
      x.url,
      String(x.pageStatus),
      x.serverStatus ?? '',
      x.verdict,
      x.corsError ?? '',
      x.failedParameter ?? '',
      x.summary,
      x.hiddenStatus?.sentence ?? '',
      ...x.allFailures.map((f) => f.corsError),
      searchableHints(x),
    ]
      .join(' ')
      .toLowerCase();
    haystacks.set(x, text);
  }
  return text;
}

/** The AWS services and pitfalls of an exchange that has them (the analyser's own hints, or the hint engine's). */
export function searchableHints(x: Pick<ExchangeReport, 'fingerprints' | 'hints'>): string {
  return [
    ...x.fingerprints.map((f) => `${f.service} ${serviceWords[f.service] ?? ''}`),
    ...x.hints.map((h) => `${h.id} ${h.title}`),
  ].join(' ');
}

export function matchesFilter(x: ExchangeReport, filter: ParsedFilter, extra?: (x: ExchangeReport) => string): boolean {
  if (filter.include.length === 0 && filter.exclude.length === 0) return true;
  const text = extra ? `${haystack(x)} ${extra(x).toLowerCase()}` : haystack(x);
  return filter.include.every((t) => text.includes(t)) && !filter.exclude.some((t) => text.includes(t));
}
