// User-visible strings of export and import (kept apart from strings.ts while both change).
import type { RedactionKind } from '../core/report';
import type { ExportFormat, ExportScopeChoice } from './export/panel-report';

const n = (count: number) => count.toLocaleString('en-US');
const plural = (count: number, one: string, many = `${one}s`) => `${n(count)} ${count === 1 ? one : many}`;

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** GitHub's limit for an issue or comment body, in characters. */
export const ISSUE_BODY_MAX = 65_536;

export const reportStrings = {
  toolbar: {
    export: 'Export',
    exportTitle: 'Export a report: annotated HAR, Markdown, HTML or JSON (secrets redacted)',
    import: 'Import HAR',
    importTitle: 'Open a .har file (Chrome, Firefox or any HAR 1.2) and analyse it here; you can also drop one on the panel',
  },
  export: {
    title: 'Export a report',
    close: 'Close',
    format: 'Format',
    formats: {
      har: 'Annotated HAR (.har) — opens in DevTools and CORS Lens',
      markdown: 'Markdown (.md) — paste into an issue or ticket',
      html: 'HTML (.html) — one page, readable in any browser',
      json: 'JSON (.json) — the analysis for scripts (report schema 2)',
    } as Record<ExportFormat, string>,
    scope: 'What to include',
    scopes: {
      all: 'Everything captured',
      cors: 'CORS requests only',
      blocked: 'Blocked requests only',
      selected: 'The selected request',
    } as Record<ExportScopeChoice, string>,
    scopeCount: (exchanges: number) => ` (${plural(exchanges, 'request')})`,
    noSelection: ' (select a row first)',
    keepSecrets: 'Keep secrets (cookies, tokens, signatures, API keys)',
    keepSecretsWarning:
      'Secrets will be KEPT. Anyone who gets this file can use the cookies and tokens in it to act as you. Only send it to someone you would hand your password to.',
    keepBodies: 'Keep request and response bodies',
    keepBodiesWarning: 'Bodies can contain personal data. Secrets recognised inside them are still redacted unless you keep secrets too.',
    previewTitle: 'What will be removed',
    previewNone: 'Nothing to remove: no cookie, token, signature or body was found in what you export.',
    previewKept: 'Secrets are kept: no cookie, token or signature will be removed.',
    previewTotal: (total: number, distinct: number) =>
      `${plural(total, 'value')} replaced by placeholders (${plural(distinct, 'distinct secret')}; equal secrets share a placeholder).`,
    previewBodies: (bodies: number) => `${plural(bodies, 'body', 'bodies')} dropped.`,
    previewBusy: 'Checking what to remove…',
    kinds: {
      header: 'header',
      cookie: 'cookie',
      'query-param': 'URL parameter',
      'url-credentials': 'URL password',
      jwt: 'JWT',
      token: 'token',
      field: 'JSON field',
      body: 'body',
    } as Record<RedactionKind, string>,
    item: (kind: string, name: string, count: number) => `${kind} ${name}: ${n(count)}×`,
    more: (count: number) => `and ${plural(count, 'more kind')}`,
    formatsDoc: 'Redaction covers what was captured, never the fixes CORS Lens writes. Markdown gives one toolchain\'s fixes, each once; the HTML page has every toolchain.',
    toolchain: 'Fixes for',
    toolchainFirst: "Each request's first toolchain",
    toolchainAll: 'Every toolchain',
    sizeBusy: 'Measuring the report…',
    /** The report's size; Markdown against GitHub's issue body limit. */
    size: (format: ExportFormat, chars: number) =>
      format === 'markdown'
        ? `${n(chars)} characters${chars > ISSUE_BODY_MAX ? ` — over the ${n(ISSUE_BODY_MAX)} a GitHub issue takes: export fewer requests, or attach the HTML page` : ` (a GitHub issue takes up to ${n(ISSUE_BODY_MAX)})`}`
        : `${size(chars)}`,
    download: 'Download',
    copy: 'Copy',
    copyMarkdown: 'Copy Markdown',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Copying failed: use Download instead.',
    downloaded: (fileName: string) => `Saved as ${fileName} (see the browser's downloads).`,
    downloadFailed: 'Downloads are not possible here; the report was copied to the clipboard instead.',
    downloadAndCopyFailed: 'Neither download nor copy worked here. Use the CLI: cors-lens report <file.har>.',
    failed: (message: string) => `The export failed: ${message}`,
    loading: 'Loading the export…',
    loadFailed: (message: string) => `The export could not be loaded: ${message}`,
    empty: 'Nothing to export yet.',
  },
  import: {
    dropHint: 'Drop a .har file to analyse it',
    banner: (fileName: string) => `Imported file: ${fileName}`,
    reading: (loaded: number, total: number) => `Reading… ${size(loaded)} of ${size(total)}`,
    progressLabel: 'Import progress',
    done: (read: number, total: number, skipped: number) =>
      `${plural(total, 'entry', 'entries')} in the file${skipped > 0 ? `; ${n(skipped)} skipped (see below), ${n(read)} analysed` : ''}.`,
    failed: (message: string) => `Could not read the whole file: ${message}.`,
    partial: (read: number) => (read > 0 ? ` Showing the ${plural(read, 'entry', 'entries')} read before the problem.` : ' Nothing could be analysed.'),
    notLoaded: (notLoaded: number, max: number) =>
      `The panel holds ${n(max)} entries: the first ${n(max)} are shown and ${n(notLoaded)} more were not loaded. \`cors-lens analyze <file>\` reads a HAR of any size.`,
    backToLive: 'Back to live capture',
    backToLiveTitle: 'Leave the imported file and show what DevTools captured (capture kept running meanwhile)',
    statusLabel: (fileName: string) => `Imported: ${fileName}`,
    loadFailed: (message: string) => `the importer could not be loaded (${message})`,
    notHar: (fileName: string) => `${fileName} does not look like a .har file; reading it anyway.`,
  },
  size,
};
