// cors-lens report <file.har | -> --format har|markdown|html|json [-o <file>] [--scope ...] [--toolchain ...] [--keep-secrets] [--keep-bodies]
import { writeFile } from 'node:fs/promises';
import { analyzeHar } from '../core';
import { REPORT_FORMATS, renderReport, type ReportFormat } from '../core/report';
import type { RedactionSummary } from '../core/report';
import type { Toolchain } from '../core';
import { EXIT, parse, UsageError, type Io } from './command';
import { InputError, readInput } from './read-input';
import { createProgress, type Progress } from './progress';

type Format = ReportFormat;
/** `--toolchain`: whose fixes the Markdown report writes (default: each request's first); `all` for every one. */
const TOOLCHAINS = ['console', 'cli', 'sam', 'cdk', 'serverless', 'terraform', 'lambda-node', 'lambda-python', 'generic', 'all'] as const;

export async function reportCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    scope: { type: 'string', default: 'all' },
    'keep-secrets': { type: 'boolean', default: false },
    'keep-bodies': { type: 'boolean', default: false },
    toolchain: { type: 'string' },
  });
  const format = values.format as string | undefined;
  if (!format || !(REPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`report needs --format har, markdown, html or json${format ? ` (got '${format}')` : ''}`);
  const scope = values.scope as string;
  if (!/^(all|cors|blocked|exchange:x\d+)$/.test(scope)) throw new UsageError(`--scope must be all, cors, blocked or exchange:<id> (got '${scope}')`);
  if (positionals.length !== 1) throw new UsageError('report takes exactly one HAR file (or - for standard input)');
  const toolchain = values.toolchain as string | undefined;
  if (toolchain !== undefined && !(TOOLCHAINS as readonly string[]).includes(toolchain)) throw new UsageError(`--toolchain must be one of ${TOOLCHAINS.join(', ')} (got '${toolchain}')`);

  // The report reads the file whole (redaction spans all of it): the progress line covers the reading.
  let progress: Progress | null = null;
  const input = await readInput(positionals[0], io.stdin, (bytes, total) => {
    progress ??= createProgress(io.stderr as Io['stderr'] & { isTTY?: boolean }, total);
    progress.update(bytes, null);
  });
  (progress as Progress | null)?.clear();
  const report = analyzeHar(input.text);
  const fatal = report.problems.find((p) => p.entry === null && p.severity === 'error');
  if (fatal) throw new InputError(`${input.name}: ${fatal.message}`);
  if (report.input.skipped > 0) io.stderr.write(`cors-lens: ${input.name}: ${report.input.skipped} of ${report.input.entries} entries skipped; the others are in the report.\n`);
  if (scope.startsWith('exchange:') && !report.exchanges.some((x) => x.id === scope.slice('exchange:'.length)))
    throw new UsageError(`--scope ${scope}: no exchange with that id in ${input.name} (ids are listed by 'cors-lens analyze')`);
  const { text, redaction } = renderReport(report, JSON.parse(input.text), {
    format: format as Format,
    scope: scope as 'all',
    keepSecrets: values['keep-secrets'] as boolean,
    keepBodies: values['keep-bodies'] as boolean,
    ...(toolchain ? { toolchain: toolchain as Toolchain | 'all' } : {}),
  });
  if (values['keep-secrets']) io.stderr.write('cors-lens: --keep-secrets: cookies, tokens and signatures are NOT redacted in this report.\n');
  if (values.output) {
    await writeFile(values.output as string, text);
    io.stderr.write(`cors-lens: wrote ${values.output} (${describeRedaction(redaction)})\n`);
  } else {
    io.stdout.write(text);
    io.stderr.write(`cors-lens: ${describeRedaction(redaction)}\n`);
  }
  return EXIT.ok;
}

function describeRedaction(r: RedactionSummary): string {
  const kinds = r.items.filter((i) => i.kind !== 'body').map((i) => `${i.name} ×${i.count}`).join(', ');
  const secrets = r.secretsRedacted ? `${r.total} secret value${r.total === 1 ? '' : 's'} redacted${kinds ? ` (${kinds})` : ''}` : 'secrets kept (--keep-secrets)';
  const bodies = r.bodiesDropped ? `${r.bodies} bod${r.bodies === 1 ? 'y' : 'ies'} dropped` : 'bodies kept';
  return `${secrets}, ${bodies}`;
}
