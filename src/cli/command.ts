// What every cors-lens command shares: its streams, its exit codes and its option parsing.
// Commands import this module, never main.ts (main.ts imports the commands).
import { parseArgs } from 'node:util';

export interface Io {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream;
}

/** Exit codes, documented in `cors-lens --help` and README. */
export const EXIT = { ok: 0, failOn: 1, usage: 2, input: 3 } as const;

/** A wrong command line: printed as one line with a pointer to --help, exit code 2. */
export class UsageError extends Error {}

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; default?: string | boolean; multiple?: boolean }>;

export function parse(args: readonly string[], options: OptionSpec): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | string[] | undefined>, positionals };
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}
