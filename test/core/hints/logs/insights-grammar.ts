// A checker for the subset of CloudWatch Logs Insights query syntax the log plans use (no parser for the
// language is published): commands separated by `|` outside string literals, each one of the documented
// commands; `fields` lists field names; `filter` compares a field with `like` / `=` to a double-quoted
// string literal without quotes inside; `sort <field> asc|desc`; `limit` 1–10000.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax.html

const COMMANDS = new Set(['fields', 'filter', 'sort', 'limit', 'stats', 'parse', 'display', 'dedup']);
const FIELD = /^@?[A-Za-z][A-Za-z0-9_.]*$/;
const STRING = /^"[^"\\\n]*"$/;

/** The commands of a query, split on `|` outside string literals; null when a literal is unterminated. */
function commands(query: string): string[] | null {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of query) {
    if (ch === '"') quoted = !quoted;
    if (ch === '|' && !quoted) {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (quoted) return null;
  out.push(current.trim());
  return out;
}

/** Problems found in `query` (empty: it conforms). */
export function checkInsightsQuery(query: string): string[] {
  const cmds = commands(query.trim());
  if (!cmds) return ['unterminated string literal'];
  const problems: string[] = [];
  if (cmds.length === 0 || !cmds[0].startsWith('fields ')) problems.push('a query starts with fields');
  for (const cmd of cmds) {
    const [name, ...rest] = cmd.split(/\s+/);
    const args = rest.join(' ');
    if (!COMMANDS.has(name)) {
      problems.push(`unknown command: ${name}`);
      continue;
    }
    if (name === 'fields' && !args.split(',').every((f) => FIELD.test(f.trim()))) problems.push(`bad field list: ${args}`);
    if (name === 'filter') {
      const m = /^(\S+)\s+(like|=|!=)\s+(.+)$/.exec(args);
      if (!m || !FIELD.test(m[1]) || !STRING.test(m[3])) problems.push(`bad filter: ${args}`);
    }
    if (name === 'sort' && !/^@?[A-Za-z][A-Za-z0-9_.]*\s+(asc|desc)$/.test(args)) problems.push(`bad sort: ${args}`);
    if (name === 'limit' && !(/^\d+$/.test(args) && +args >= 1 && +args <= 10000)) problems.push(`bad limit: ${args}`);
  }
  return problems;
}
