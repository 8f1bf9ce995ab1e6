// Asking before a request that may change something on the server (anything but GET/HEAD).
import { createInterface } from 'node:readline';
import { UsageError, type Io } from '../command';

/** True when the user agreed. On a terminal it asks; elsewhere it refuses unless --yes was given. */
export async function confirmUnsafe(io: Io, what: string, yes: boolean): Promise<boolean> {
  if (yes) return true;
  const stdin = io.stdin as NodeJS.ReadableStream & { isTTY?: boolean };
  if (!stdin.isTTY || !io.stdout.isTTY) throw new UsageError(`${what}: confirm with --yes (not asking: standard input is not a terminal)`);
  const rl = createInterface({ input: stdin, output: io.stderr });
  const answer = await new Promise<string>((resolve) => rl.question(`${what} — send it? [y/N] `, resolve));
  rl.close();
  return /^y(es)?$/i.test(answer.trim());
}
