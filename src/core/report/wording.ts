// The wording the reports share (Markdown, HTML and the terminal text), in one place.
import type { CheckStatus, ExchangeReport, Verdict } from '../types';
import type { RedactionSummary } from '../redact';

export const VERDICT_LABEL: Record<Verdict, string> = {
  allowed: 'allowed',
  blocked: 'blocked',
  unknown: 'unknown',
  'not-cors': 'not CORS',
};

export const VERDICT_MARK: Record<Verdict, string> = {
  allowed: '✅',
  blocked: '❌',
  unknown: '❔',
  'not-cors': '➖',
};

export const CHECK_LABEL: Record<CheckStatus, string> = {
  ok: 'ok',
  missing: 'missing',
  mismatched: 'mismatched',
  invalid: 'invalid',
  'not-needed': 'not needed',
  'not-observed': 'not observed',
};

/** The short reason for the summary table: Chromium's error name, or why there is no verdict. */
export function reasonOf(x: ExchangeReport): string {
  if (x.corsError) return x.failedParameter ? `${x.corsError} (${x.failedParameter})` : x.corsError;
  if (x.verdict === 'unknown') return x.unknownReason ?? 'not enough evidence';
  if (x.kind === 'not-cors') return x.notCorsReason ?? '';
  return '';
}

export function hiddenStatusOf(x: ExchangeReport): string {
  const h = x.hiddenStatus;
  return h ? `${h.status} ${h.statusText}`.trim() + ` (${h.stage})` : '';
}

/** One line for the top of a report: what was removed, or a warning that nothing was. */
export function redactionLine(s: RedactionSummary): string {
  const parts: string[] = [];
  if (s.secretsRedacted) {
    const top = s.items
      .filter((i) => i.kind !== 'body')
      .slice(0, 6)
      .map((i) => `${i.name} ×${i.count}`);
    parts.push(
      s.total === 0
        ? 'no secrets found to redact'
        : `${s.total} secret values replaced by ${s.distinct} placeholders (${top.join(', ')}${s.items.length > top.length + 1 ? ', …' : ''})`,
    );
  } else parts.push('secrets KEPT (cookies, tokens and signatures are in this report)');
  parts.push(s.bodiesDropped ? `${s.bodies} bodies removed` : 'bodies kept');
  return parts.join('; ');
}

export const REPORT_TITLE = 'CORS Lens report';
