// What each example needs beyond its own text, by id (`<markdown file>#<file name>`, or its
// path under examples/). An example with nothing here runs as a plain script and must exit 0.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@tvs/release-check/src/workspace.mjs';
import { envelopeAnswer, liveRoomCallback, taskCallback } from './drivers.mjs';
import { startFakeLlm } from './fake-llm.mjs';
import { runPage } from './page.mjs';
import { startProxy } from './proxy.mjs';

/** The jobs.csv the batch README writes with its heredoc, with the mock's keys in it. */
function batchReadmeCsv({ VirtualmanKey, TimbreKey }) {
  const readme = readFileSync(join(REPO_ROOT, 'packages/batch/README.md'), 'utf8');
  const csv = /cat > jobs\.csv <<'CSV'\n([\s\S]*?)\nCSV\n/.exec(readme)?.[1];
  if (!csv) throw new Error('packages/batch/README.md no longer writes jobs.csv with a heredoc');
  return `${csv.replaceAll('YOUR_VIRTUALMAN_KEY', VirtualmanKey).replaceAll('YOUR_TIMBRE_KEY', TimbreKey)}\n`;
}

/** @type {Record<string, import('./execute.mjs').Scenario>} */
const SCENARIOS = {
  'packages/signer/README.md#progress.ts': { expect: [/Code: 0/, /Status: 'SUCCESS'/] },
  'packages/signer/README.md#worker.ts': { drive: envelopeAnswer },
  'packages/envelope/README.md#progress.ts': { expect: [/^SUCCESS 100 http/m] },
  'packages/batch/README.md#batch.ts': {
    files: (keys) => ({ 'jobs.csv': batchReadmeCsv(keys) }),
    expect: [/^2 of 2 videos in out\//m],
  },
  'packages/client/README.md#callback-server.ts': { drive: taskCallback },
  'packages/client/README.md#worker.ts': { drive: taskCallback },
  'packages/client/README.md#proxy.ts': { setup: startProxy, expect: [/^\d+$/m] },
  'examples/video-from-text.ts': {
    expect: [/task \w+/, /rendering \d+%/, /saved \w+\.mp4 \(\d+ ms\); subtitles: http/],
  },
  'examples/chat.ts': {
    stdin: 'Hello!\nHow are you today?\n',
    expect: [
      /session \S+, stream \S+/,
      /avatar: TextOver[\s\S]*avatar: TextOver/,
      /session closed/,
    ],
  },
  'examples/stream-llm.ts': {
    setup: async () => {
      const llm = await startFakeLlm();
      return { env: { LLM_BASE_URL: llm.url, LLM_MODEL: 'stand-in' }, close: llm.close };
    },
    // The avatar starts speaking while the tokens still arrive: its line falls among them.
    expect: [/A digital human[\s\S]*live\./, /starts speaking/, /has said it all/],
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
