import type { Failure, Stage } from '../types';
import { FAILURE_TEXT } from './failure-text';
import type { CorsError } from './errors';
import { step, type StepId } from './spec-steps';

/** Distinct failed parameters whose console message is kept, per error. */
const MAX_MESSAGES_PER_ERROR = 256;
const messages = new Map<CorsError, Map<string, string>>();

/** Chrome's console text for a failure: one string per error and parameter, shared (a retried call repeats them). */
function consoleMessage(corsError: CorsError, failedParameter: string): string {
  let byParameter = messages.get(corsError);
  if (!byParameter) messages.set(corsError, (byParameter = new Map()));
  let message = byParameter.get(failedParameter);
  if (message === undefined) {
    message = FAILURE_TEXT[corsError].console(failedParameter);
    if (byParameter.size < MAX_MESSAGES_PER_ERROR) byParameter.set(failedParameter, message);
  }
  return message;
}

export function failure(corsError: CorsError, failedParameter: string, stage: Stage, entry: number | null, stepId: StepId, note?: string): Failure {
  return {
    corsError,
    failedParameter,
    stage,
    entry,
    spec: step(stepId),
    message: consoleMessage(corsError, failedParameter),
    firefoxReason: FAILURE_TEXT[corsError].firefox,
    ...(note ? { note } : {}),
  };
}
