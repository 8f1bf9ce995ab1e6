// Manners: every request the probe makes goes through one sender, which names it before sending, keeps a
// request budget, waits between requests to the same host, and in --dry-run prints it as curl instead.
import type { WireRequest } from './plan';
import { sendWire, toCurl, type WireResult } from './wire';

export interface SenderOptions {
  readonly budget: number;
  readonly delayMs: number;
  readonly timeoutMs: number;
  readonly dryRun: boolean;
  readonly insecure: boolean;
  /** Where the "→ OPTIONS https://… (preflight)" lines and dry-run curl commands go (stderr / stdout). */
  readonly announce: (line: string) => void;
}

export class BudgetExceeded extends Error {}

export interface Sender {
  /** Sends (or, in --dry-run, prints) the request; null in --dry-run. */
  send(request: WireRequest, note?: string): Promise<WireResult | null>;
  readonly sent: () => number;
  readonly dryRun: boolean;
}

export function createSender(options: SenderOptions): Sender {
  let count = 0;
  const lastByHost = new Map<string, number>();
  return {
    dryRun: options.dryRun,
    sent: () => count,
    async send(request, note) {
      if (count >= options.budget) throw new BudgetExceeded(`request budget of ${options.budget} used up (--budget raises it)`);
      count++;
      const label = `${request.method} ${request.url}${note ? ` (${note})` : request.kind === 'preflight' ? ' (preflight)' : ''}`;
      if (options.dryRun) {
        options.announce(`# ${label}\n${toCurl(request)}\n`);
        return null;
      }
      const host = new URL(request.url).host;
      const last = lastByHost.get(host);
      if (last !== undefined) {
        const wait = last + options.delayMs - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
      options.announce(`→ ${label}`);
      const result = await sendWire(request, { timeoutMs: options.timeoutMs, insecure: options.insecure });
      lastByHost.set(host, Date.now());
      options.announce(result.ok ? `  ← ${result.response.status} ${result.response.statusText} (${result.ms} ms)` : `  ← ${result.failure.error}: ${result.failure.message}`);
      return result;
    },
  };
}
