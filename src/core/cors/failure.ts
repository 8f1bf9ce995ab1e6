import type { Failure, Stage } from '../types';
import { FAILURE_TEXT } from './failure-text';
import type { CorsError } from './errors';
import { step, type StepId } from './spec-steps';

export function failure(corsError: CorsError, failedParameter: string, stage: Stage, entry: number | null, stepId: StepId, note?: string): Failure {
  const text = FAILURE_TEXT[corsError];
  return {
    corsError,
    failedParameter,
    stage,
    entry,
    spec: step(stepId),
    message: text.console(failedParameter),
    firefoxReason: text.firefox,
    ...(note ? { note } : {}),
  };
}
