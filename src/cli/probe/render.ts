// Probe output through the renderers `analyze` uses (text: format-text.ts; json: the report schema;
// markdown: src/core/report), with a short preface naming what was sent and what came back.
import type { AnalysisReport } from '../../core';
import { formatText } from '../../core/report';
import { renderMarkdownReport } from '../markdown-bridge';
import type { ProbeOutcome } from './exchange';
import { preflightFor } from './plan';

export function requestLines(outcome: ProbeOutcome): string[] {
  return outcome.sent.map((s, i) => {
    const r = s.result;
    const answer = r === null ? (s.netError ?? 'not sent: Chromium stops at the failed preflight') : r.ok ? `${r.response.status} ${r.response.statusText}` : r.failure.error;
    return `  ${i + 1}. ${s.request.method} ${s.request.url}${s.request.kind === 'preflight' ? ' (preflight)' : ''} → ${answer}${s.redirectURL ? ` → Location: ${s.redirectURL}` : ''}`;
  });
}

export function probePreface(outcome: ProbeOutcome): string[] {
  const { spec } = outcome;
  const pf = preflightFor(spec);
  const why = [
    ...(pf.methodSafelisted ? [] : [`${spec.method} is not a CORS-safelisted method`]),
    ...pf.unsafeHeaders.map((h) => `${h.name}: ${h.detail}`),
  ];
  return [
    `Probe: ${spec.method} ${spec.url} from ${spec.origin}, credentials ${spec.credentials === 'include' ? "'include'" : `'${spec.credentials}' (not included)`}`,
    `Preflight: ${pf.needed ? `needed — ${why.join('; ')}` : 'not needed (a simple request)'}`,
    'Requests:',
    ...requestLines(outcome),
    ...(outcome.stoppedBecause ? [`Stopped: ${outcome.stoppedBecause}.`] : []),
  ];
}

export function renderProbe(outcome: ProbeOutcome, format: 'text' | 'json' | 'markdown', color: boolean): string {
  if (format === 'json') return `${JSON.stringify(probeJson(outcome), null, 2)}\n`;
  if (format === 'markdown') return `${probePreface(outcome).map((l) => (l.startsWith('  ') ? `-${l.slice(l.indexOf('.') + 1)}` : `${l}\n`)).join('\n')}\n\n${renderMarkdownReport(outcome.report, JSON.stringify(outcome.har))}`;
  // formatText's first line counts HAR entries; a probe says what it sent instead (the preface).
  const blocks = formatText(outcome.report, { name: 'probe', color, onlyBlocked: false }).split('\n').slice(1).join('\n');
  return `${probePreface(outcome).join('\n')}\n${blocks}`;
}

/** The report as `analyze --format json` writes it (docs/report-schema.md), plus a `probe` member with what was sent. */
export function probeJson(outcome: ProbeOutcome): AnalysisReport & { probe: unknown } {
  return {
    ...outcome.report,
    probe: {
      url: outcome.spec.url, origin: outcome.spec.origin, method: outcome.spec.method, credentials: outcome.spec.credentials,
      preflightNeeded: preflightFor(outcome.spec).needed,
      verdict: outcome.final?.verdict ?? 'unknown',
      stoppedBecause: outcome.stoppedBecause,
      requests: outcome.sent.map((s) => ({
        kind: s.request.kind, method: s.request.method, url: s.request.url, headers: s.request.headers.filter(([n]) => n.toLowerCase() !== 'cookie'),
        status: s.result?.ok ? s.result.response.status : null, error: s.result && !s.result.ok ? s.result.failure.error : (s.netError ?? null),
        responseHeaders: s.result?.ok ? s.result.response.headers : [], redirectURL: s.redirectURL || null,
      })),
    },
  };
}
