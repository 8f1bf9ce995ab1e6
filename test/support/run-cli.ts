// Runs the CLI's main() in-process with captured standard streams.
import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli/main';

export async function runCli(args: string[], stdinText = ''): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await main(args, { stdin: Readable.from([stdinText]), stdout, stderr });
  return { code, out, err };
}
