import { DOWNLINK_TYPE, type DownlinkMessage, endsDrive } from '@tvs/client';
import { h } from './dom.js';

/** What a line of the transcript is. */
export type DriveKind = 'line' | 'interrupt' | 'stream' | 'audio';

const KIND_LABEL: Readonly<Record<DriveKind, string>> = {
  line: 'Typed line',
  interrupt: 'Interrupting line',
  stream: 'Streamed reply',
  audio: 'Recorded clip',
};

interface Entry {
  readonly item: HTMLLIElement;
  readonly statuses: HTMLElement;
}

/**
 * The chat transcript: one list item per drive (a typed line, a streamed reply, a clip) with
 * its speak statuses as they arrive (`TextStart → TextOver`). Statuses that arrive before the
 * drive's `ReqId` is known (a stream's is known once it is sent) wait and are shown then.
 * Tracks which drives are still speaking.
 */
export class Transcript extends EventTarget {
  readonly #list: HTMLOListElement;
  readonly #entries = new Map<string, Entry>();
  readonly #early = new Map<string, DownlinkMessage[]>();
  readonly #speaking = new Set<string>();
  /** Drives a later text cut off: their last status shows "(interrupted)". */
  readonly #cut = new Set<string>();

  constructor(list: HTMLOListElement) {
    super();
    this.#list = list;
  }

  /** Whether a drive has started and not finished. */
  get speaking(): boolean {
    return this.#speaking.size > 0;
  }

  /** Adds a drive that has been sent. */
  add(kind: DriveKind, text: string, reqId: string): void {
    const statuses = h('span', { class: 'statuses', 'data-testid': 'statuses' });
    const item = h(
      'li',
      { 'data-req-id': reqId, 'data-kind': kind },
      h('span', { class: 'kind' }, `${KIND_LABEL[kind]}: `),
      h('q', {}, text),
      ' ',
      statuses,
    );
    this.#list.append(item);
    this.#entries.set(reqId, { item, statuses });
    this.#speaking.add(reqId);
    this.#changed();
    for (const message of this.#early.get(reqId) ?? []) this.status(message);
    this.#early.delete(reqId);
  }

  /** Shows a downlink message's speak status on its drive's line. */
  status(message: DownlinkMessage): void {
    const { ReqId: reqId, SpeakStatus: status } = message;
    if (typeof reqId !== 'string' || typeof status !== 'string') return;
    const entry = this.#entries.get(reqId);
    if (!entry) {
      const early = this.#early.get(reqId) ?? [];
      if (early.length < 16) this.#early.set(reqId, [...early, message]);
      if (this.#early.size > 64) this.#early.delete(this.#early.keys().next().value!);
      return;
    }
    // No downlink field says a drive was cut short: the page knows, as it sent the text that cut it.
    const interrupted = this.#cut.has(reqId) && (status === 'TextOver' || status === 'AudioOver');
    const label = interrupted ? `${status} (interrupted)` : status;
    entry.statuses.append(
      entry.statuses.childElementCount > 0 ? ' → ' : '',
      h('span', { class: `status ${status}` }, label),
    );
    if (endsDrive(message)) {
      entry.item.dataset['final'] =
        message.Type === DOWNLINK_TYPE.DRIVE_FAILED
          ? 'refused'
          : interrupted
            ? 'interrupted'
            : status;
      this.#speaking.delete(reqId);
      this.#changed();
    }
  }

  /**
   * A text is about to be sent, and a text always cuts off what the avatar is saying
   * (1240/100397): marks every drive still speaking. Marked before sending, as their `TextOver`
   * may arrive before the send resolves. Returns the undo, for a text that was never sent.
   */
  cutSpeaking(): () => void {
    const cut = [...this.#speaking].filter((reqId) => !this.#cut.has(reqId));
    for (const reqId of cut) this.#cut.add(reqId);
    return () => {
      for (const reqId of cut) this.#cut.delete(reqId);
    };
  }

  /** Marks a drive that ended without a final status (refused, or the chat closed). */
  ended(reqId: string, how: string): void {
    const entry = this.#entries.get(reqId);
    if (entry && entry.item.dataset['final'] === undefined) entry.item.dataset['final'] = how;
    this.#speaking.delete(reqId);
    this.#changed();
  }

  /** Every drive still speaking is over (the chat ended). */
  endAll(how: string): void {
    for (const reqId of [...this.#speaking]) this.ended(reqId, how);
  }

  #changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}
