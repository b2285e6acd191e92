import { DOWNLINK_TYPE, type DownlinkMessage, endsDrive, isRequestId } from '@tvs/envelope';
import type { TvsChannelError } from '../errors/tvs-channel-error.js';
import type { ChannelErrorFactory } from './channel-errors.js';
import { CHANNEL_DEFAULTS } from './options.js';

/**
 * A drive (a text, a text stream or an audio stream) that has been sent.
 * @example
 * ```ts
 * const drive = await channel.sendText('Hello!');
 * const over = await drive.finished({ timeout: 30_000 }); // SpeakStatus 'TextOver'
 * ```
 */
export interface DriveHandle {
  /** The 32-hex `ReqId` that the gateway's status messages echo. */
  readonly reqId: string;
  /**
   * Resolves with the drive's final status message (`TextOver` or `AudioOver`); rejects with a
   * {@link TvsChannelError} (`drive-failed`, with the gateway's code) on a Type 9 message, or
   * when the channel closes first.
   */
  finished(options?: WaitOptions): Promise<DownlinkMessage>;
}

/**
 * Options of waiting for a drive to finish.
 * @example
 * ```ts
 * await drive.finished({ timeout: 30_000, signal });
 * ```
 */
export interface WaitOptions {
  signal?: AbortSignal | undefined;
  /** Milliseconds to wait at most (default: no limit). */
  timeout?: number | undefined;
}

/** The longest delay `setTimeout` takes. */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface Waiter {
  resolve(message: DownlinkMessage): void;
  reject(error: unknown): void;
}

/**
 * The drives of one channel, by `ReqId`: pending `finished()` promises, and the last final
 * statuses (so a `finished()` asked late still resolves). @internal
 */
export class DriveRegistry {
  readonly #error: ChannelErrorFactory;
  /** The channel's end, once it ended; `undefined` while it may still deliver. */
  readonly #ended: () => TvsChannelError | undefined;
  readonly #finals = new Map<string, DownlinkMessage>();
  readonly #waiters = new Map<string, Set<Waiter>>();

  constructor(error: ChannelErrorFactory, ended: () => TvsChannelError | undefined) {
    this.#error = error;
    this.#ended = ended;
  }

  /** The handle of the drive `reqId`. */
  handle(reqId: string): DriveHandle {
    return { reqId, finished: (options) => this.wait(reqId, options) };
  }

  /** Waits for the final status of `reqId`, as {@link DriveHandle.finished}. */
  wait(reqId: string, options: WaitOptions = {}): Promise<DownlinkMessage> {
    if (!isRequestId(reqId)) {
      return Promise.reject(new TypeError('waitFor: reqId must be 32 lowercase hex characters'));
    }
    const known = this.#finals.get(reqId);
    if (known) return this.#outcome(known);
    const ended = this.#ended();
    if (ended) return Promise.reject(ended);
    const { timeout } = options;
    if (timeout !== undefined && !(typeof timeout === 'number' && timeout > 0)) {
      return Promise.reject(new TypeError('waitFor: timeout must be a positive number'));
    }
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.#waiters.get(reqId)?.delete(waiter);
      };
      const waiter: Waiter = {
        resolve: (message) => {
          done();
          resolve(message);
        },
        reject: (error) => {
          done();
          reject(error);
        },
      };
      const onAbort = () => waiter.reject(signal!.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      // A timer cannot hold more than 2^31 - 1 ms (it would fire at once): longer is no limit.
      if (timeout !== undefined && timeout <= MAX_TIMER_MS) {
        const message = `drive ${reqId} did not finish in ${timeout} ms`;
        timer = setTimeout(() => waiter.reject(this.#error('closed', message, { reqId })), timeout);
      }
      let set = this.#waiters.get(reqId);
      if (!set) {
        set = new Set();
        this.#waiters.set(reqId, set);
      }
      set.add(waiter);
    });
  }

  /** Takes in a downlink message: a drive's final status settles its waiters. */
  record(message: DownlinkMessage): void {
    const reqId = message.ReqId;
    if (!reqId || !endsDrive(message)) return; // "" is about no drive
    this.#finals.set(reqId, message);
    if (this.#finals.size > CHANNEL_DEFAULTS.maxFinals) {
      this.#finals.delete(this.#finals.keys().next().value!);
    }
    const waiters = this.#waiters.get(reqId);
    if (!waiters) return;
    this.#waiters.delete(reqId);
    const outcome = this.#outcome(message);
    for (const waiter of waiters) outcome.then(waiter.resolve, waiter.reject);
  }

  /** Rejects every pending wait (the channel closed). */
  rejectAll(error: TvsChannelError): void {
    const waiters = [...this.#waiters.values()];
    this.#waiters.clear();
    for (const set of waiters) for (const waiter of set) waiter.reject(error);
  }

  /** A final status as the promise `finished()` settles with: Type 9 rejects. */
  #outcome(message: DownlinkMessage): Promise<DownlinkMessage> {
    if (message.Type !== DOWNLINK_TYPE.DRIVE_FAILED) return Promise.resolve(message);
    const code = typeof message['Code'] === 'number' ? message['Code'] : undefined;
    const why = typeof message['Message'] === 'string' ? `: ${message['Message']}` : '';
    const failed = `drive ${message.ReqId} failed${code === undefined ? '' : ` with code ${code}`}${why}`;
    return Promise.reject(
      this.#error('drive-failed', failed, { reqId: message.ReqId, gatewayCode: code }),
    );
  }
}
