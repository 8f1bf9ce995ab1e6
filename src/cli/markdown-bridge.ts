// `analyze --format markdown` and `report --format markdown` share one renderer (src/core/report).
import type { AnalysisReport } from '../core';
import { renderReport } from '../core/report';

export function renderMarkdownReport(report: AnalysisReport, harText: string): string {
  return renderReport(report, JSON.parse(harText), { format: 'markdown', scope: 'all', keepSecrets: false, keepBodies: false }).text;
}
