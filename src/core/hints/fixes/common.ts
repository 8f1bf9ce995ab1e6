// Small helpers shared by the fix blocks: one HintFix per toolchain, shell variables that say where
// their value came from, Terraform/YAML-safe names and lists.
import type { HintFix, Toolchain } from '../../types';
import type { Known } from '../fill';

export type AwsToolchain = Exclude<Toolchain, 'generic'>;
export const AWS_TOOLCHAINS: readonly AwsToolchain[] = ['console', 'cli', 'sam', 'cdk', 'serverless', 'terraform', 'lambda-node', 'lambda-python'];

/** Language of each toolchain's snippets (console steps are prose). */
export const LANGUAGE: Record<AwsToolchain, string> = {
  console: 'text', cli: 'sh', sam: 'yaml', cdk: 'ts', serverless: 'yaml', terraform: 'hcl', 'lambda-node': 'js', 'lambda-python': 'python',
};

export function fix(toolchain: AwsToolchain, title: string, snippet: string, language = LANGUAGE[toolchain]): HintFix {
  return { toolchain, language, title, snippet: tidySnippet(snippet) };
}

/** Without leading blank lines and trailing whitespace, ending in one newline. */
export function tidySnippet(snippet: string): string {
  let start = 0;
  while (snippet.charCodeAt(start) === 10) start++;
  // trimEnd() strips exactly what /\s+$/ matches (WhiteSpace and LineTerminator), without the regex's backtracking.
  return `${snippet.slice(start).trimEnd()}\n`;
}

/** What a toolchain's fixes change, for the title of a card that has no fix there. */
const CHANGES: Record<AwsToolchain, string> = {
  console: 'in the console', cli: 'with the AWS CLI', sam: 'in the SAM template', cdk: 'in the CDK app', serverless: 'in serverless.yml',
  terraform: 'in Terraform', 'lambda-node': "in the function's code", 'lambda-python': "in the function's code",
};

/**
 * The toolchain has no lever for this pitfall: say so, and where the fix is instead. The card is
 * prose, not a snippet: `copy: false` tells the UI and the reports to give it no Copy button or code block.
 */
export function notApplicable(toolchain: AwsToolchain, why: string): HintFix {
  return { toolchain, language: 'text', title: `No fix ${CHANGES[toolchain]}: the change is elsewhere`, snippet: `${why}\n`, copy: false };
}

/** `NAME=value   # from the URL` or `NAME=PLACEHOLDER   # how to find it`. */
export function shVar(name: string, v: Known, from: string, howToFind: string): string {
  const value = /^[A-Za-z0-9_./:@-]+$/.test(v.value) ? v.value : `'${v.value.replace(/'/g, `'\\''`)}'`;
  return `${name}=${value}   # ${v.known ? from : `not in the HAR: ${howToFind}`}`;
}

/** `s` without leading and trailing `_` (an index scan: /^_+|_+$/ is quadratic on a long inner run). */
function trimUnderscores(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s[start] === '_') start++;
  while (end > start && s[end - 1] === '_') end--;
  return s.slice(start, end);
}

/** A Terraform/CDK-safe identifier from a path (`/items/{id}` → `items_id`). */
export function identifierFromPath(path: string, fallback = 'root'): string {
  const id = trimUnderscores(path.toLowerCase().replace(/[^a-z0-9]+/g, '_'));
  return id === '' ? fallback : /^[0-9]/.test(id) ? `r_${id}` : id;
}

/** `["a", "b"]` — valid in YAML flow style, HCL, JSON, TS and Python. */
export function list(items: readonly string[]): string {
  return `[${items.map((i) => JSON.stringify(i)).join(', ')}]`;
}

/** Concatenates fix lists, keeping toolchain order stable (console, cli, sam, cdk, serverless, terraform, lambda). */
export function fixes(...groups: ReadonlyArray<readonly HintFix[]>): HintFix[] {
  const order = (t: Toolchain) => {
    const i = AWS_TOOLCHAINS.indexOf(t as AwsToolchain);
    return i < 0 ? AWS_TOOLCHAINS.length : i;
  };
  // Array.prototype.sort is stable: fixes of one toolchain keep their order.
  return groups.flat().sort((a, b) => order(a.toolchain) - order(b.toolchain));
}

/** A change in the page's own code (credentials mode, navigation): toolchain `generic`, JavaScript. */
export function pageFix(title: string, snippet: string): HintFix {
  return { toolchain: 'generic', language: 'js', title, snippet: tidySnippet(snippet) };
}
