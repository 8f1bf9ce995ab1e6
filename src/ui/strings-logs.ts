// User-visible strings of "Find it in the logs" (kept apart from strings.ts while both change). The log
// wording itself (what each log shows, notes) comes from src/core/hints/logs.
export const logsStrings = {
  title: 'Find it in the logs',
  ids: 'ids',
  noIds: 'none in the capture (searched by time)',
  where: 'Where',
  shows: 'What it shows here',
  openConsole: 'Open in the AWS console',
  loadFailed: (message: string) => `The log commands could not be loaded: ${message}`,
} as const;
