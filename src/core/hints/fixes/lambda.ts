// FX-LAMBDA (catalogue §2.0): CORS headers from the function on every response — success, errors,
// catch blocks — plus an OPTIONS answer where the platform does not answer preflights itself.
// Filled with the page's origin, the methods and the headers this request needed.
import type { HintFix } from '../../types';
import type { FillValues } from '../fill';
import { memoFixes } from '../memo';
import { fix } from './common';

export interface LambdaFixOptions {
  /** Answer OPTIONS in the function (REST proxy without OPTIONS method, HTTP API / function URL without CORS config, ALB). */
  readonly answerOptions?: boolean;
}

export const fxLambda = memoFixes(['origin', 'allowMethods', 'allowHeaders', 'credentials'], function fxLambda(f: FillValues, opts: LambdaFixOptions = {}): HintFix[] {
  return [lambdaNode(f, opts), lambdaPython(f, opts)];
});

function lambdaNode(f: FillValues, { answerOptions = true }: LambdaFixOptions): HintFix {
  const credentials = f.credentials ? `\n    h['Access-Control-Allow-Credentials'] = 'true';      // a string, and only with a concrete origin` : '';
  const options = answerOptions
    ? `
  if (method === 'OPTIONS') {
    return {
      statusCode: 204,
      headers: {
        ...corsHeaders(event),
        'Access-Control-Allow-Methods': ${JSON.stringify(f.allowMethods.join(','))},
        'Access-Control-Allow-Headers': ${JSON.stringify(f.allowHeaders.join(','))},
        'Access-Control-Max-Age': '600',
      },
      body: '',
    };
  }`
    : '';
  return fix('lambda-node', 'Send CORS headers on every response (Node.js)', `
// Allowed page origins; set ALLOWED_ORIGINS in the function's environment to change them.
const ALLOWED = new Set((process.env.ALLOWED_ORIGINS ?? ${JSON.stringify(f.origin.value)}).split(',').map((s) => s.trim()));

const header = (event, name) => {
  const h = event.headers ?? {};
  const key = Object.keys(h).find((k) => k.toLowerCase() === name);
  return key ? h[key] : undefined;
};

const corsHeaders = (event) => {
  const origin = header(event, 'origin');
  const h = { Vary: 'Origin' };
  if (origin && ALLOWED.has(origin)) {
    h['Access-Control-Allow-Origin'] = origin;${credentials}
  }
  return h;
};

export const handler = async (event) => {
  const method = event.httpMethod ?? event.requestContext?.http?.method;   // REST/ALB : HTTP API v2 / function URL${options}
  try {
    const result = await doWork(event);
    return { statusCode: 200, headers: { ...corsHeaders(event), 'Content-Type': 'application/json' }, body: JSON.stringify(result) };
  } catch (err) {
    console.error(err);
    // errors need the CORS headers too, or the page sees a CORS error instead of this 500
    return { statusCode: 500, headers: { ...corsHeaders(event), 'Content-Type': 'application/json' }, body: JSON.stringify({ message: 'Internal error' }) };
  }
};

async function doWork(event) {
  return { ok: true, path: event.path ?? event.rawPath };   // your code
}`);
}

function lambdaPython(f: FillValues, { answerOptions = true }: LambdaFixOptions): HintFix {
  const credentials = f.credentials ? `\n        h["Access-Control-Allow-Credentials"] = "true"` : '';
  const options = answerOptions
    ? `
    if method == "OPTIONS":
        return {"statusCode": 204, "body": "", "headers": {**cors_headers(event),
                "Access-Control-Allow-Methods": ${JSON.stringify(f.allowMethods.join(','))},
                "Access-Control-Allow-Headers": ${JSON.stringify(f.allowHeaders.join(','))},
                "Access-Control-Max-Age": "600"}}`
    : '';
  return fix('lambda-python', 'Send CORS headers on every response (Python)', `
import json
import logging
import os

log = logging.getLogger()
# Allowed page origins; set ALLOWED_ORIGINS in the function's environment to change them.
ALLOWED = {o.strip() for o in os.environ.get("ALLOWED_ORIGINS", ${JSON.stringify(f.origin.value)}).split(",")}


def _header(event, name):
    for k, v in (event.get("headers") or {}).items():
        if k.lower() == name:
            return v
    return None


def cors_headers(event):
    h = {"Vary": "Origin"}
    origin = _header(event, "origin")
    if origin in ALLOWED:
        h["Access-Control-Allow-Origin"] = origin${credentials}
    return h


def do_work(event):
    return {"ok": True}  # your code


def handler(event, context):
    method = event.get("httpMethod") or event.get("requestContext", {}).get("http", {}).get("method")${options}
    try:
        result = do_work(event)
        return {"statusCode": 200, "headers": {**cors_headers(event), "Content-Type": "application/json"},
                "body": json.dumps(result)}
    except Exception:
        log.exception("unhandled")
        # errors need the CORS headers too, or the page sees a CORS error instead of this 500
        return {"statusCode": 500, "headers": {**cors_headers(event), "Content-Type": "application/json"},
                "body": json.dumps({"message": "Internal error"})}`);
}

/** Lambda code is the wrong place: the platform's CORS configuration owns the headers. */
export function removeCorsFromCode(why: string): HintFix[] {
  const node = `// ${why}\n// Delete every Access-Control-* header your handler (or middleware such as cors()) sets:\nexport const handler = async (event) => {\n  return { statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ok: true }) };\n};`;
  const py = `# ${why}\n# Delete every Access-Control-* header your handler (or middleware such as CORSConfig) sets:\nimport json\n\n\ndef handler(event, context):\n    return {"statusCode": 200, "headers": {"Content-Type": "application/json"}, "body": json.dumps({"ok": True})}`;
  return [fix('lambda-node', 'Remove CORS headers from the function', node), fix('lambda-python', 'Remove CORS headers from the function', py)];
}
