// Where each check comes from: the Fetch standard's step, or Chromium's behaviour where it differs.
import type { SpecStep } from '../types';

const FETCH = 'https://fetch.spec.whatwg.org/';

export const STEPS = {
  'cors-check#2': `${FETCH}#concept-cors-check`,
  'cors-check#3': `${FETCH}#concept-cors-check`,
  'cors-check#4': `${FETCH}#concept-cors-check`,
  'cors-check#7': `${FETCH}#concept-cors-check`,
  'http-acao-syntax': `${FETCH}#http-access-control-allow-origin`,
  'cors-preflight-fetch#7': `${FETCH}#cors-preflight-fetch-0`,
  'cors-preflight-fetch#7.1': `${FETCH}#cors-preflight-fetch-0`,
  'cors-preflight-fetch#7.2': `${FETCH}#cors-preflight-fetch-0`,
  'cors-preflight-fetch#7.3': `${FETCH}#cors-preflight-fetch-0`,
  'cors-preflight-fetch#7.5': `${FETCH}#cors-preflight-fetch-0`,
  'cors-preflight-fetch#7.6': `${FETCH}#cors-preflight-fetch-0`,
  'cors-preflight-fetch#7.7': `${FETCH}#cors-preflight-fetch-0`,
  'cors-preflight-fetch#7.8': `${FETCH}#cors-preflight-fetch-0`,
  'cors-preflight-fetch#7.9': `${FETCH}#cors-preflight-fetch-0`,
  'http-redirect-fetch#8': `${FETCH}#http-redirect-fetch`,
  'http-redirect-fetch#9': `${FETCH}#http-redirect-fetch`,
  'http-fetch#4.3': `${FETCH}#concept-http-fetch`,
  'main-fetch#mode': `${FETCH}#main-fetch`,
  'cors-protocol-and-http-caches': `${FETCH}#cors-protocol-and-http-caches`,
  'http-aceh': `${FETCH}#http-access-control-expose-headers`,
  'chromium:preflight-redirect': 'https://source.chromium.org/chromium/chromium/src/+/main:services/network/cors/preflight_controller.cc',
  'chromium:check-access': 'https://source.chromium.org/chromium/chromium/src/+/main:services/network/public/cpp/cors/cors.cc',
} as const;

export type StepId = keyof typeof STEPS;

/** One SpecStep per step, shared by every failure and row that cites it (read-only, like the rest of a report). */
const SPEC_STEPS = Object.fromEntries(Object.entries(STEPS).map(([id, url]) => [id, { id, url }])) as Record<StepId, SpecStep>;

export function step(id: StepId): SpecStep {
  return SPEC_STEPS[id];
}
