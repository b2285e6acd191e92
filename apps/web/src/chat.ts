import { avatarName, key } from '@tvs/app-common';
import { type DriveHandle, type LiveSession, TvsChannelError, type TvsClient } from '@tvs/client';
import type { PageConfig } from './config.js';
import { byId, randomHex } from './dom.js';
import { channelThroughEdge, closeSessionOnExit } from './edge.js';
import { showError } from './explain.js';
import type { Selection } from './selection.js';
import { type DriveKind, Transcript } from './transcript.js';
import { wavToPcm } from './wav.js';

/** The session as the page shows it. */
type ChatState = 'not started' | 'creating' | 'ready' | 'speaking' | 'closing' | 'closed';

/** What the "Stream a reply" button streams, as a language model would: a few words at a time. */
export const CANNED_REPLY =
  'Thanks for asking! I am streamed to the avatar a few words at a time, the way a language model writes. ' +
  'Each piece goes out as soon as it exists, so I start speaking before the reply is complete. ' +
  'When the last piece is sent, the stream ends.';

/** Said by "Interrupt and say it" when the line is empty. */
const INTERRUPT_LINE = 'Sorry, let me stop there.';

/** The reply's words, one piece at a time, paced like a model's output. */
async function* typedOut(text: string, signal: AbortSignal): AsyncGenerator<string> {
  for (const piece of text.match(/\S+\s*/g) ?? []) {
    await new Promise((resolve) => setTimeout(resolve, 40));
    signal.throwIfAborted();
    yield piece;
  }
}

/**
 * The live chat: opens a session with the lifecycle helper (`sessions.run`: create, wait until
 * ready, start, open the command channel), drives it with typed lines, a streamed reply and a
 * recorded clip, shows each speak status, interrupts, and closes the session when the chat ends
 * or the page is left (`pagehide`).
 */
export function chatSection(client: TvsClient, selection: Selection, config: PageConfig): void {
  const stateView = byId('chat-state', HTMLElement);
  const start = byId('chat-start', HTMLButtonElement);
  const end = byId('chat-end', HTMLButtonElement);
  const form = byId('chat-form', HTMLFormElement);
  const line = byId('chat-line', HTMLInputElement);
  const say = byId('chat-say', HTMLButtonElement);
  const interrupt = byId('chat-interrupt', HTMLButtonElement);
  const stream = byId('chat-stream', HTMLButtonElement);
  const audio = byId('chat-audio', HTMLButtonElement);
  const errors = byId('chat-error', HTMLElement);
  const transcript = new Transcript(byId('transcript', HTMLOListElement));

  let state: ChatState = 'not started';
  let live: LiveSession | undefined;
  let finish: (() => void) | undefined;
  let leaving: AbortController | undefined;

  const setState = (next: ChatState) => {
    state = next;
    stateView.textContent = next;
    stateView.dataset['state'] = next;
    const open = next === 'ready' || next === 'speaking';
    for (const control of [line, say, interrupt, stream, audio]) control.disabled = !open;
    end.disabled = !(open || next === 'creating');
    start.disabled = next === 'creating' || open || next === 'closing';
  };
  transcript.addEventListener('change', () => {
    if (state === 'ready' || state === 'speaking')
      setState(transcript.speaking ? 'speaking' : 'ready');
  });

  /** Sends one drive and follows it to its end; a refusal is explained, not thrown. */
  const drive = async (kind: DriveKind, text: string, send: () => Promise<DriveHandle>) => {
    errors.replaceChildren();
    let handle: DriveHandle | undefined;
    // Typed lines and interrupting lines are SEND_TEXTs: they cut off whatever is being said.
    const undoCut = kind === 'line' || kind === 'interrupt' ? transcript.cutSpeaking() : undefined;
    try {
      handle = await send();
      transcript.add(kind, text, handle.reqId);
      await handle.finished();
    } catch (error) {
      if (handle === undefined) undoCut?.(); // nothing was sent: nothing was cut
      const reqId = handle?.reqId ?? (error instanceof TvsChannelError ? error.reqId : undefined);
      if (reqId !== undefined) transcript.ended(reqId, 'refused');
      if (state !== 'closing' && state !== 'closed') showError(errors, error, config.edgeUrl);
    }
  };

  const run = async () => {
    const avatar = selection.avatar;
    if (avatar === undefined) {
      showError(errors, new Error('Pick an avatar in the gallery first.'));
      return;
    }
    errors.replaceChildren();
    setState('creating');
    stateView.title = `with ${avatarName(avatar)}`;
    leaving = new AbortController();
    try {
      await client.sessions.run(
        {
          AssetVirtualmanKey: key(avatar, 'VirtualmanKey'),
          // A UserId of its own: a new session with the same UserId would take over another's.
          UserId: `tvs-web-${randomHex(6)}`,
          Protocol: 'webrtc',
          // 3: driven by text and audio, so the recorded clip can be pushed too.
          DriverType: 3,
        },
        (session) =>
          new Promise<void>((resolve) => {
            live = session;
            finish = resolve;
            session.channel.on('message', ({ message }) => transcript.status(message));
            setState('ready');
            line.focus();
          }),
        {
          signal: leaving.signal,
          waitReady: { pollInterval: 500 },
          channel: channelThroughEdge(config),
        },
      );
    } catch (error) {
      if (!leaving.signal.aborted) showError(errors, error, config.edgeUrl);
    } finally {
      live = undefined;
      finish = undefined;
      transcript.endAll('closed');
      setState('closed');
    }
  };

  start.addEventListener('click', () => void run());
  end.addEventListener('click', () => {
    setState('closing');
    if (finish) finish();
    else leaving?.abort(new Error('the chat was ended'));
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = line.value.trim();
    if (!live || text === '') return;
    line.value = '';
    const { channel } = live;
    void drive('line', text, () => channel.sendText(text));
  });
  interrupt.addEventListener('click', () => {
    if (!live) return;
    const text = line.value.trim() || INTERRUPT_LINE;
    line.value = '';
    const { channel } = live;
    void drive('interrupt', text, () => channel.sendText(text, { interrupt: true }));
  });
  stream.addEventListener('click', () => {
    if (!live) return;
    const { channel, signal } = live;
    void drive('stream', CANNED_REPLY, () =>
      channel.streamText(typedOut(CANNED_REPLY, signal), { signal }),
    );
  });
  audio.addEventListener('click', () => {
    if (!live) return;
    const { channel, signal } = live;
    void drive('audio', '(a 2-second recorded clip)', async () => {
      const response = await fetch(new URL('clip.wav', document.baseURI), { signal });
      if (!response.ok) throw new Error(`The clip could not be loaded (HTTP ${response.status}).`);
      return channel.sendAudio(wavToPcm(await response.arrayBuffer()), { signal });
    });
  });

  // Leaving the page must not leave a session holding a concurrency slot.
  window.addEventListener('pagehide', () => {
    if (live === undefined) return;
    closeSessionOnExit(config, live.sessionId);
    leaving?.abort(new Error('the page was left'));
  });
}
