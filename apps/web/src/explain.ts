import { COMMON_HINTS, type Explained, explainTvsError, type Surface } from '@tvs/app-common';
import { TvsError, TvsHttpError } from '@tvs/client';
import { h } from './dom.js';

/** What to do about each kind of error, in the page's words (its controls, the edge signer). */
const PAGE: Surface = {
  hints: {
    ...COMMON_HINTS,
    auth: [
      'The edge signer signs for this page: check its TVS_APPKEY and TVS_ACCESS_TOKEN secrets (they come as a pair, per application), and that its TVS_GATEWAY_URL is the region of that application.',
    ],
    validation: ['Check the choices above: the avatar, the voice, the format and the script.'],
    'not-found': [
      'Pick the avatar and voice again from the gallery: they must belong to the application the edge signer signs for, in its region.',
    ],
    throttle: ['Wait a few seconds and try again.'],
    expired: ['Pick another avatar or voice in the gallery.'],
    conflict: ['Do not submit again: the first request went through and its task is rendering.'],
    session: [
      'Start a new chat; sessions you no longer use can be closed in the TVS console, where they are listed.',
    ],
    internal: ['A problem on the gateway side: wait a moment and try again.'],
    ambiguous: [
      'Before submitting again, check whether the task exists: look for it in the TVS console (search for the RequestID above). Quote the RequestID to support if it does not show up.',
    ],
    network: [
      'Check that the edge signer is running at the address above and that this page’s origin is in its ALLOWED_ORIGINS (a browser reports a refused origin as a network error).',
    ],
    timeout: ['Check the network, then try again.'],
    http: ['Something between this page and the gateway failed; try again shortly.'],
    envelope: ['Check that "edgeUrl" in tvs-web.json points at the edge signer.'],
  },
};

/** What to do about each refusal of the edge signer (its `{"error": …}` codes). */
const EDGE_HINTS: Readonly<Record<string, string>> = {
  unauthorized: '"callerToken" in tvs-web.json must be the Worker’s EDGE_BEARER_TOKEN.',
  'origin-not-allowed': 'Add this page’s origin to the Worker’s ALLOWED_ORIGINS.',
  'origin-required': 'Call the Worker from a page on an allowed origin.',
  'not-found': 'The Worker does not forward this call: add its path to ALLOWED_PATHS.',
  misconfigured: 'The Worker’s log names the variable to set.',
};

/** A refusal of the edge signer itself (its own JSON shape, never a gateway envelope). */
function edgeRefusal(error: TvsHttpError): { code: string; message: string } | undefined {
  try {
    const body = JSON.parse(error.bodyExcerpt ?? '') as { error?: unknown; message?: unknown };
    if (typeof body.error === 'string' && typeof body.message === 'string') {
      return { code: body.error, message: body.message };
    }
  } catch {
    // Not the Worker's JSON: explained as any other HTTP answer.
  }
  return undefined;
}

/** Explains any error the page can meet, with the CLI's explanations and the page's hints. */
export function explain(error: unknown, edgeUrl?: string): Explained {
  if (error instanceof TvsHttpError) {
    const refusal = edgeRefusal(error);
    if (refusal) {
      return {
        headline: `The edge signer refused the call: ${refusal.code} (HTTP ${error.status}).`,
        details: [refusal.message],
        hints: [EDGE_HINTS[refusal.code] ?? 'See the Worker’s README for this refusal.'],
      };
    }
  }
  if (error instanceof TvsError) return explainTvsError(error, PAGE, { url: edgeUrl });
  const message = error instanceof Error ? error.message : String(error);
  return { headline: message, details: [], hints: [] };
}

/** An explanation as the page shows it: an alert with the headline, details and what to do. */
export function errorPanel(explained: Explained): HTMLElement {
  return h(
    'div',
    { class: 'error', role: 'alert' },
    h('p', { class: 'headline' }, explained.headline),
    explained.details.length > 0 &&
      h('ul', { class: 'details' }, ...explained.details.map((line) => h('li', {}, line))),
    explained.hints.length > 0 && h('p', { class: 'todo' }, 'What to do:'),
    explained.hints.length > 0 &&
      h('ul', { class: 'hints' }, ...explained.hints.map((line) => h('li', {}, line))),
  );
}

/** Shows `error` explained in `slot` (replacing what was there). */
export function showError(slot: HTMLElement, error: unknown, edgeUrl?: string): void {
  slot.replaceChildren(errorPanel(explain(error, edgeUrl)));
}
