// The values a fix snippet is filled with (fill.ts computes them; memo.ts keys its caches by their fields).

export interface Known {
  readonly value: string;
  /** True when the value came from the HAR; false for a placeholder the user must replace. */
  readonly known: boolean;
}

export interface FillValues {
  /** The page's origin (`https://app.example.com` placeholder only when the HAR does not say). */
  readonly origin: Known;
  readonly method: string;
  /** Methods to allow: the usual set plus the request's method. */
  readonly allowMethods: readonly string[];
  /** Header names to allow, in the casing the request used: already allowed ∪ requested ∪ Content-Type. */
  readonly allowHeaders: readonly string[];
  readonly refusedHeaders: readonly string[];
  readonly credentials: boolean;
  readonly apiId: Known;
  readonly region: Known;
  /** REST API stage: the first path segment of an execute-api URL. */
  readonly stage: Known;
  /** The request path without the stage (REST) — the API Gateway resource path, as called. */
  readonly resourcePath: string;
  readonly host: string;
  readonly bucket: Known;
  readonly functionName: Known;
  readonly functionUrlId: Known;
}
