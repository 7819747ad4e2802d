import { loadConfig, seriesLimits } from '../../config/env.js';

let limits: ReturnType<typeof seriesLimits> | undefined;

/** The bounds of series, plans and the waitlist from the configuration (read once; `npm start` has validated it). */
export function currentLimits(): ReturnType<typeof seriesLimits> {
  limits ??= seriesLimits(loadConfig());
  return limits;
}
