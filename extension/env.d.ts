// Build-time constants (vite.config.ts `define`).
/** TEST-ONLY: the loopback URL the panel reports its rendered rows to; '' in every shipped build. */
declare const __CORS_LENS_TEST_SINK__: string;
