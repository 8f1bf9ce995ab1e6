export const HELP = `cors-lens — why the browser blocked a cross-origin call, from a HAR file

Usage:
  cors-lens analyze <file.har | -> [options]
  cors-lens report  <file.har | -> --format har|markdown|html|json [-o <file>] [--scope all|cors|blocked|exchange:<id>] [--toolchain <t>] [--keep-secrets] [--keep-bodies]
  cors-lens probe   <url> --origin <page origin> [options]      check an endpoint as Chromium would
  cors-lens probe   --from <file.har> [--exchange <id> | --blocked]   re-send captured requests: before → after
  cors-lens probe   <url> --origin <page origin> --scan         try crafted origins (reflection, null, prefix, …)
  cors-lens --help | --version

analyze options:
  -f, --format text|json|ndjson|markdown
                                    output format (default: text); json and ndjson follow
                                    docs/report-schema.md (schema 2: what repeats is in tables, by id;
                                    ndjson: one object per line, each table row before its first use)
      --schema 1                    with --format json: the version 1 document (this release only)
      --only-blocked                show only blocked exchanges
      --fail-on LIST                exit 1 when any item matches (comma-separated): blocked (an exchange is
                                    blocked), unknown (blocked or unknown), never, a finding id
                                    (SEC-NULL-ORIGIN) or a prefix (SEC-, BP-); see docs/findings.md
      --ignore-browser-signals      judge from headers alone, ignoring Chrome's _error field
      --no-hints                    leave out AWS and generic fix hints
      --color / --no-color          force colours on or off (default: on for a terminal, off with NO_COLOR)

report options:
  --format har       the HAR with CORS Lens' analysis under _corsLens fields (importable into DevTools)
  --format markdown  a summary table and a section per blocked exchange, sized for an issue: one
                     toolchain's fixes, each identical fix written once
  --toolchain T      the Markdown's fixes: console, cli, sam, cdk, serverless, terraform, lambda-node,
                     lambda-python, generic, or all (default: each request's first; HTML keeps all)
  --format html      one self-contained HTML file (no scripts, strict CSP)
  --format json      the analysis, schema 2 (docs/report-schema.md)
  -o, --output FILE  write there instead of standard output
  --keep-secrets     do NOT redact cookies, tokens, signatures (redaction is on by default)
  --keep-bodies      keep request/response bodies (dropped by default)

probe options (docs/probe.md):
  -X, --method M            the page's fetch() method (default GET)
  -H, --header 'Name: v'    a header the page sets (repeatable; forbidden ones are left out, as fetch() does)
      --credentials         credentials: 'include' (default: fetch's 'same-origin')
      --body-type MIME      Content-Type of the body;  -d, --data TEXT  the body
      --send-actual         also send a request that is not GET/HEAD (asks on a terminal; --yes to skip)
      --cookie 'a=b'        the only way a cookie is sent (credentialed requests only, never on a preflight)
      --dry-run             print the requests as curl commands; send nothing
      --timeout MS          per request (default 10000);  --budget N  most requests (30; 80 with --scan)
      --delay MS            between requests to one host (0; 200 with --scan)
      --format text|json|markdown, --fail-on blocked|unknown|never (with --scan: a finding id or prefix, SEC-)
      --insecure            accept an invalid TLS certificate (Chromium would not)

Exit codes:
  0  analysed (problems with single entries are reported on stderr and those entries skipped)
  1  --fail-on matched
  2  usage error
  3  the input could not be read (probe: the server could not be reached, or the request budget ran out) (missing file, not JSON, not a HAR), or only in part (a truncated or
     corrupted file: the entries before the damage are still reported)

analyze and report read every HAR as a stream, in every format, in memory that does not grow with the
file (report and --format markdown use a private temporary folder, deleted at the end). On a terminal, a
file over 50 MB shows a progress line on stderr (never on a pipe, or with CI set).
`;
