// The plan: for an AWS-fingerprinted exchange, the log commands and queries of the service
// that answered, filled from the capture (ids, API id, stage, region, time), with what each log shows
// for the pitfall named. Pure: the exchange report in (its fingerprints carry the ids), a plan out.
import type { ExchangeReport } from '../../types';
import type { AwsService } from '../fingerprint';
import { iso } from './commands';
import { createLogsContext } from './context';
import type { LogIdName } from './ids';
import { showsFor } from './shows';
import { LOG_SOURCES, SOURCES_BY_SERVICE } from './sources';
import type { LogSourceId, LogSourcePlan, LogsPlan } from './types';


/** How each id is named where the user meets it (the response header). */
const ID_LABELS: Record<LogIdName, string> = {
  requestId: 'x-amzn-RequestId',
  extendedRequestId: 'x-amz-apigw-id (extended request id)',
  httpApiRequestId: 'apigw-requestid',
  traceId: 'X-Amzn-Trace-Id root (X-Ray)',
  cloudFrontId: 'X-Amz-Cf-Id (x-edge-request-id)',
  s3RequestId: 'x-amz-request-id',
};

/** The plan for one exchange, or null when no AWS service was fingerprinted (or the exchange has no hints to explain). */
export function findInLogs(x: ExchangeReport): LogsPlan | null {
  // A network error (DNS, TLS, connection refused) never reached AWS: no log has it.
  if (x.browser.kind === 'network-error') return null;
  const c = createLogsContext(x);
  if (!c) return null;
  const wanted: LogSourceId[] = [];
  // Origins before edges: the service that answered first, CloudFront / WAF in front of it after.
  const services = [...c.services].sort((a, b) => EDGE_LAST(a) - EDGE_LAST(b));
  for (const s of services) for (const id of SOURCES_BY_SERVICE[s]) if (!wanted.includes(id)) wanted.push(id);
  const sources: LogSourcePlan[] = [];
  for (const id of wanted) {
    const source = LOG_SOURCES[id];
    if (!source.applies(c)) continue;
    sources.push({ source: id, ...source.build(c), shows: showsFor(id, c.pitfalls).replace('<n>', x.hiddenStatus ? String(x.hiddenStatus.status) : '<n>') });
  }
  if (sources.length === 0) return null;
  const ids = (Object.keys(ID_LABELS) as LogIdName[]).filter((k) => c.ids[k] !== undefined).map((k) => ({ label: ID_LABELS[k], value: c.ids[k]! }));
  return {
    request: `${c.method} ${c.target || x.url} at ${iso(c.atMs)} (UTC)`,
    ids,
    window: { startMs: c.startMs, endMs: c.endMs },
    region: c.region,
    sources,
  };
}

const EDGES: ReadonlySet<AwsService> = new Set(['cloudfront', 'waf', 'amplify-hosting', 'aws']);
const EDGE_LAST = (s: AwsService) => (EDGES.has(s) ? 1 : 0);

