// Cross-cutting pitfalls (X-*) are fixed in whichever layer owns CORS for this response: pick the
// fix block by the service that answered.
import type { HintFix } from '../../types';
import type { HintContext } from '../context';
import type { FillValues } from '../fill';
import type { HintStage } from '../view';
import { fixes, notApplicable } from './common';

const API_TOOLCHAINS = ['console', 'cli', 'sam', 'cdk', 'serverless', 'terraform'] as const;
const BACKEND_OWNS = 'Your function answered this request, so its code sets these headers (pick a Lambda tab); nothing on a REST API changes the headers of a Lambda proxy response.';
import { fxCloudFront } from './cloudfront';
import { fxLambda } from './lambda';
import { fxFunctionUrlCors, fxHttpApiCors, fxS3Cors } from './platform';
import { fxGatewayResponses, fxRestPreflight } from './rest';

export function ownerFixes(ctx: HintContext, f: FillValues, stage: HintStage | null): readonly HintFix[] {
  const at = (...s: Parameters<HintContext['at']>[1][]) => (stage ? ctx.at(stage, ...s) : undefined);
  if (at('lambda-url')) return fixes(fxFunctionUrlCors(f), fxLambda(f));
  if (at('apigw-http')) return fxHttpApiCors(f);
  if (at('s3-rest', 's3-website')) return fxS3Cors(f);
  const rest = at('apigw-rest', 'apigw');
  if (rest) {
    if (stage === 'preflight') return fixes(fxRestPreflight(f), fxLambda(f));
    // The backend answered (a Lambda proxy response): only its code sets these headers; gateway responses
    // cover the answers API Gateway makes itself, so offering them here would contradict the evidence.
    return rest.gatewayGenerated
      ? fxGatewayResponses(f)
      : fixes(fxLambda(f, { answerOptions: false }), API_TOOLCHAINS.map((t) => notApplicable(t, BACKEND_OWNS)));
  }
  if (at('cloudfront', 'amplify-hosting')) return fxCloudFront(f, 'response-policy');
  return fxLambda(f);
}
