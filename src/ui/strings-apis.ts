// User-visible strings of the APIs view and the exchange findings (src/ui/components/ApisView.tsx,
// ExchangeFindings.tsx). Finding titles come from the core's catalogue (src/core/findings/catalogue.ts).
import type { FindingConfidence, FindingSeverity } from '../core/analysis';

const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export const apiStrings = {
  views: { label: 'View', requests: 'Requests', apis: 'APIs' },
  loading: 'Grouping requests by API…',
  loadFailed: (message: string) => `The APIs view could not be loaded: ${message}`,
  empty: 'No cross-origin requests yet: APIs appear here as the page calls them.',
  listLabel: 'APIs',
  counts: (allowed: number, blocked: number) => `${allowed} allowed · ${blocked} blocked`,
  findingsCount: (count: number) => n(count, 'finding'),
  routes: (count: number) => `Routes (${count})`,
  pageOrigins: 'Called from',
  policyTitle: 'CORS policy as observed, per route',
  column: {
    route: 'Route', allowed: 'Allowed', blocked: 'Blocked', allowOrigin: 'Allow-Origin', allowCredentials: 'Credentials', allowMethods: 'Methods',
    allowHeaders: 'Headers', maxAge: 'Max-Age', exposeHeaders: 'Expose', vary: 'Vary', errors: 'Errors without CORS', requests: 'Requests',
  },
  absent: '(absent)',
  notObserved: '—',
  fixesTitle: 'One fix per cause',
  noFixes: 'No blocked route: nothing to fix.',
  fixFor: (routes: number) => `Fixes ${n(routes, 'route')}`,
  allowUnion: (methods: string, headers: string) => `Allows methods ${methods}; headers ${headers}.`,
  findingsTitle: 'Findings',
  noFindings: 'No findings: the observed policy follows the best practices checked (docs/findings.md).',
  toConfirm: 'To confirm:',
  exchangeFindingsTitle: 'Findings about this API',
  severity: { high: 'high', medium: 'medium', low: 'low', info: 'info' } as Record<FindingSeverity, string>,
  confidence: { certain: 'certain', likely: 'likely', possible: 'possible' } as Record<FindingConfidence, string>,
  showRequest: (id: string) => `Show request ${id}`,
};
