// Checklist rows that are advice rather than checks: they never fail an exchange (Vary, Expose-Headers, a
// duplicated Access-Control-Allow-Origin line the CORS check already reports).
import type { CheckRow, ObservedEntry } from '../types';
import { countHeader, getHeader } from '../fetch/headers';
import { step } from './spec-steps';
import { ROW_NOTE } from './wording';

export function advisoryRows(actual: ObservedEntry): CheckRow[] {
  const acao = getHeader(actual.responseHeaders, 'access-control-allow-origin');
  const vary = getHeader(actual.responseHeaders, 'vary');
  const varyOrigin = vary !== null && vary.split(',').some((v) => v.trim().toLowerCase() === 'origin' || v.trim() === '*');
  const specific = acao !== null && acao !== '*';
  const rows: CheckRow[] = [
    {
      stage: 'actual', header: 'Access-Control-Expose-Headers', status: 'not-needed',
      expected: '(optional) response headers the page may read beyond the safelisted ones',
      actual: getHeader(actual.responseHeaders, 'access-control-expose-headers'), spec: step('http-aceh'),
    },
    {
      stage: 'actual', header: 'Vary', status: specific && !varyOrigin ? 'missing' : specific ? 'ok' : 'not-needed',
      expected: specific ? 'Origin (the allowed origin depends on the request)' : '(only needed when Access-Control-Allow-Origin echoes the request origin)',
      actual: vary, spec: step('cors-protocol-and-http-caches'),
      ...(specific && !varyOrigin ? { note: ROW_NOTE['vary-origin-missing'] } : {}),
    },
  ];
  const lines = countHeader(actual.responseHeaders, 'access-control-allow-origin');
  if (lines > 1)
    rows.push({ stage: 'actual', header: 'Access-Control-Allow-Origin', status: 'invalid', expected: 'exactly one header line', actual: `${lines} header lines`, spec: step('http-acao-syntax'), note: ROW_NOTE['allow-origin-twice'] });
  return rows;
}
