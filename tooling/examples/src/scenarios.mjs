// What each example needs beyond its own text, by id (`<markdown file>#<file name>`, or its
// path under examples/). An example with nothing here runs as a plain script.
import { envelopeAnswer, liveRoomCallback, taskCallback } from './drivers.mjs';

/** @type {Record<string, import('./execute.mjs').Scenario>} */
export const SCENARIOS = {};

/** The scenario of an example (an empty one when it needs nothing). */
export const scenarioOf = (id) => SCENARIOS[id] ?? {};

export { envelopeAnswer, liveRoomCallback, taskCallback };
