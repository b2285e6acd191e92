// What each example needs beyond its own text, by id (`<markdown file>#<file name>`, or its
// path under examples/). An example with nothing here runs as a plain script and must exit 0.
import { liveRoomCallback, taskCallback } from './drivers.mjs';
import { startFakeLlm } from './fake-llm.mjs';
import { runPage } from './page.mjs';

/** @type {Record<string, import('./execute.mjs').Scenario>} */
const SCENARIOS = {
  'examples/video-from-text.ts': {
    expect: [/task \w+/, /rendering \d+%/, /saved \w+\.mp4 \(\d+ ms\); subtitles: http/],
  },
  'examples/chat.ts': {
    stdin: 'Hello!\nHow are you today?\n',
    expect: [/session \S+, stream \S+/, /avatar: TextOver[\s\S]*avatar: TextOver/, /session closed/],
  },
  'examples/stream-llm.ts': {
    setup: async () => {
      const llm = await startFakeLlm();
      return { env: { LLM_BASE_URL: llm.url, LLM_MODEL: 'stand-in' }, close: llm.close };
    },
    expect: [/A digital human speaks[\s\S]*words, live\./, /starts speaking/, /has said it all/],
  },
  'examples/pagination.ts': {
    expect: [/48 avatars in all/, /first voices: (\S+, ){4}\S+/, /voices page 2 of 4: 10 of 32/],
  },
  'examples/video-callback-receiver.ts': { drive: taskCallback },
  'examples/live-room-callback-receiver.ts': { drive: liveRoomCallback },
  'examples/error-handling.ts': {
    kind: 'script', // it listens for the callback, but ends by itself
    // The create's answer is lost after the gateway made the task.
    gateway: (gateway) => gateway.faults.next({ kind: 'reset-after', path: 'videomake' }),
    expect: [/no answer \(network\)/, /reconciled: the lost answer was task \w+/, /task \w+: http/],
  },
  'examples/edge-signer-page/page.ts': { page: runPage },
};

/** The scenario of an example (an empty one when it needs nothing). */
export const scenarioOf = (id) => SCENARIOS[id] ?? {};
