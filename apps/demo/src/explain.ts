import { COMMON_HINTS, explainTvsError, type Surface } from '@tvs/app-common';
import { API_CODES, TvsApiError, TvsError } from '@tvs/client';
import { BIN } from './invocation.js';
import { UsageError } from './settings.js';

/** What the demo was doing and where, so an error can be explained in those terms. */
export interface ErrorContext {
  /** The gateway's base URL, when connected. */
  url?: string | undefined;
  /** Whether the calls went to the embedded mock gateway. */
  mock?: boolean | undefined;
  /** What the user typed to start the CLI, for the commands the hints name (default `tvs-demo`). */
  self?: string | undefined;
  /** The calls went unsigned to `TVS_BASE_URL`, taken for a signing proxy (no credentials set). */
  unsigned?: boolean | undefined;
}

/** Said when an unsigned call was refused for its signature: the address may be no proxy. */
const UNSIGNED_HINT =
  'The calls went unsigned to TVS_BASE_URL, as to a signing proxy, because TVS_APPKEY and TVS_ACCESS_TOKEN are not set. If it is a gateway (a tvs-mock-gateway too), set them: tvs-mock-gateway prints its pair when it starts.';

/** An error made readable: a headline, details, what to do, and the process's exit code. */
export interface Explanation {
  headline: string;
  details: string[];
  hints: string[];
  exitCode: number;
  /** The same, as data, for `--json`. */
  json: Record<string, unknown>;
}

/** A download of a result file that did not work. */
export class DownloadError extends Error {
  override name = 'DownloadError';
}

/**
 * What to do about each kind of error, in the CLI's words: its commands, under the name the
 * user typed to start it (`self`: `pnpm demo`, `tvs-demo`, `node …/cli.js`), and its variables.
 */
export function cliSurface(self: string): Surface {
  return {
    hints: {
      ...COMMON_HINTS,
      auth: [
        'Check TVS_APPKEY and TVS_ACCESS_TOKEN against the TVS console (they come as a pair, per application).',
        'Check TVS_REGION: an appkey of the international site (sg) is unknown on the mainland gateway (cn), and the other way round.',
        "Check this machine's clock: a signature more than 5 minutes off is refused.",
      ],
      validation: [
        'Check the command-line values: the avatar and voice keys, the format, the text.',
      ],
      'not-found': [
        'Check the id, and that TVS_REGION is the region where it was created.',
        `List the avatars with \`${self} avatars\` and the voices with \`${self} voices\`.`,
      ],
      throttle: ['Wait a few seconds and run the command again.'],
      expired: [`Pick another avatar or voice (\`${self} avatars\`, \`${self} voices\`).`],
      conflict: [
        `Do not submit again: the first request went through. Look for its task with \`${self} progress <taskId>\`.`,
      ],
      session: [
        `Run \`${self} chat\` again for a new session; check the session list in the TVS console.`,
      ],
      internal: ['A problem on the gateway side: wait a moment and run the command again.'],
      ambiguous: [
        'Before submitting again, check whether the task exists: look for it in the TVS console (search for the RequestID above),',
        `or, if you have its TaskId, run \`${self} progress <taskId>\`. Quote the RequestID to support if it does not show up.`,
      ],
      network: [
        'Check the network connection and any firewall between here and the gateway.',
        'Check TVS_BASE_URL (if set) and TVS_REGION (cn for the mainland, sg for international).',
        'Behind an HTTP proxy, run with NODE_USE_ENV_PROXY=1 and HTTPS_PROXY set.',
      ],
      timeout: ['Check the network, then run the command again.'],
      http: [
        'A proxy or load balancer in between may be failing; try again shortly.',
        'If TVS_BASE_URL is set, check that it points at the gateway (or a signing proxy for it).',
      ],
      envelope: ['If TVS_BASE_URL is set, check that it points at the gateway.'],
    },
    codeHints: {
      // No such avatar asset (1240/81277). The mock gateway answers it for an unknown TimbreKey
      // too; the gateway's message names the field.
      [API_CODES.AVATAR_NOT_FOUND]: [
        `List the account's avatars with \`${self} avatars\` and pass a VirtualmanKey from its first column to --avatar, or leave --avatar out for the first avatar that takes text.`,
        `If the message names a TimbreKey, \`${self} voices\` lists the voices for --voice.`,
      ],
      // No such record: a TaskId (or a SessionId) unknown in this region (1240/81277).
      [API_CODES.RECORD_NOT_FOUND]: [
        'Check the TaskId (video creation printed it), and that TVS_REGION is the region where the task was made.',
      ],
    },
    mockNotFound: `The embedded mock gateway starts empty on every run, so a TaskId from an earlier run is unknown to it. Watch a task in the same run with \`${self} video\`, or set TVS_APPKEY/TVS_ACCESS_TOKEN for the real gateway.`,
  };
}

/** Explains any error the demo can meet. */
export function explain(error: unknown, context: ErrorContext = {}): Explanation {
  let base: Omit<Explanation, 'json'>;
  let data: Record<string, unknown> = {};
  if (error instanceof UsageError) {
    base = { headline: error.message, details: [], hints: [...error.hints], exitCode: 2 };
    data = { name: error.name };
  } else if (error instanceof TvsError) {
    base = { ...explainTvsError(error, cliSurface(context.self ?? BIN), context), exitCode: 1 };
    if (context.unsigned && error instanceof TvsApiError && error.category === 'auth') {
      base.hints.unshift(UNSIGNED_HINT);
    }
    data = { ...error.toJSON() };
  } else if (error instanceof DownloadError) {
    base = {
      headline: error.message,
      details: [],
      hints: ['Result URLs stay valid for 7 days; try the URL printed above with curl.'],
      exitCode: 1,
    };
    data = { name: error.name };
  } else {
    const message = error instanceof Error ? error.message : String(error);
    base = {
      headline: `Unexpected error: ${message}`,
      details: [],
      hints: ['Run again with TVS_DEBUG=1 to see every call.'],
      exitCode: 1,
    };
    data = { name: error instanceof Error ? error.name : 'Error' };
  }
  return {
    ...base,
    json: { ...data, headline: base.headline, details: base.details, hints: base.hints },
  };
}
