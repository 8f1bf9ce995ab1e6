// cors-lens report <file.har | -> --format har|markdown|html|json [-o <file>] [--scope ...] [--toolchain ...] [--keep-secrets] [--keep-bodies]
import { REPORT_FORMATS, type ReportFormat, type ReportScope } from '../core/report';
import type { RedactionSummary } from '../core/report';
import type { Toolchain } from '../core';
import { EXIT, parse, UsageError, type Io } from './command';
import { openInput } from './read-input';
import { fileSink, stdoutSink, streamReport } from './report-stream';

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

  // One pass over the stream, whatever the file's size (src/cli/report-stream.ts); the progress line covers it.
  const input = await openInput(positionals[0], io.stdin);
  const output = values.output as string | undefined;
  const { redaction } = await streamReport(
    input,
    {
      format: format as Format,
      scope: scope as ReportScope,
      keepSecrets: values['keep-secrets'] as boolean,
      keepBodies: values['keep-bodies'] as boolean,
      ...(toolchain ? { toolchain: toolchain as Toolchain | 'all' } : {}),
    },
    io,
    () => {
      if (values['keep-secrets']) io.stderr.write('cors-lens: --keep-secrets: cookies, tokens and signatures are NOT redacted in this report.\n');
      return output ? fileSink(output) : stdoutSink(io);
    },
    {
      ready(report, shown) {
        if (report.input.skipped > 0) io.stderr.write(`cors-lens: ${input.name}: ${report.input.skipped} of ${report.input.entries} entries skipped; the others are in the report.\n`);
        if (scope.startsWith('exchange:') && shown === 0)
          throw new UsageError(`--scope ${scope}: no exchange with that id in ${input.name} (ids are listed by 'cors-lens analyze')`);
      },
    },
  );
  io.stderr.write(output ? `cors-lens: wrote ${output} (${describeRedaction(redaction)})\n` : `cors-lens: ${describeRedaction(redaction)}\n`);
  return EXIT.ok;
}

function describeRedaction(r: RedactionSummary): string {
  const kinds = r.items.filter((i) => i.kind !== 'body').map((i) => `${i.name} ×${i.count}`).join(', ');
  const secrets = r.secretsRedacted ? `${r.total} secret value${r.total === 1 ? '' : 's'} redacted${kinds ? ` (${kinds})` : ''}` : 'secrets kept (--keep-secrets)';
  const bodies = r.bodiesDropped ? `${r.bodies} bod${r.bodies === 1 ? 'y' : 'ies'} dropped` : 'bodies kept';
  return `${secrets}, ${bodies}`;
}
