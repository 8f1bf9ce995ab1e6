/**
 * Memory bound: the panel (and the devtools page's capture log) keep at most MAX_ENTRIES raw HAR
 * entries. Past that, the panel drops the oldest down to TRIM_TO and rebuilds the analysis from the
 * rest; the UI says how many were dropped.
 */
export const MAX_ENTRIES = 10_000;
export const TRIM_TO = 8_000;
