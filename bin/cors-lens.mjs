#!/usr/bin/env node
// The `cors-lens` command. The CLI is bundled into dist/cli by `npm run build:cli` (run by `npm install`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/cli/cors-lens.mjs', import.meta.url);
if (!existsSync(fileURLToPath(built))) {
  process.stderr.write('cors-lens: the CLI is not built yet; run `npm run build:cli` in the cors-lens folder.\n');
  process.exit(3);
}
// `cors-lens analyze big.har | head`: the reader closing the pipe early ends the command quietly (no EPIPE stack
// trace); what was written is what the reader asked for.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import(built.href);
process.exitCode = await main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
