import { LIMITS, newRequestId, streamTextFrame } from '@tvs/envelope';
import type { DriveHandle } from './drive-registry.js';
import type { SenderContext } from './sender.js';
import { splitUtf8 } from './text-chunks.js';

/**
 * Options of {@link CommandChannel.streamText}.
 * @example
 * ```ts
 * await channel.streamText(llmTokens(), { interrupt: true, signal });
 * ```
 */
export interface StreamTextOptions {
  /** Stop what the avatar is saying before the stream starts (`Interrupt` on the first packet). */
  interrupt?: boolean | undefined;
  /** Sentence mode (`IsSentence`): the gateway will not re-split the text. */
  isSentence?: boolean | undefined;
  /**
   * `IsInsertSentence`, in sentence mode only: each sentence is spoken right after the one being
   * processed, cutting into what the avatar is saying (1240/100399).
   */
  isInsertSentence?: boolean | undefined;
  /** `SmartActionEnabled`: generate gestures for text without action tags (default `false`). */
  smartActionEnabled?: boolean | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * A text stream that has been sent.
 * @example
 * ```ts
 * const { packets, finished } = await channel.streamText(['Hello, ', 'world.']);
 * await finished(); // TextOver
 * ```
 */
export interface StreamTextResult extends DriveHandle {
  /** Packets sent, the final one included. */
  readonly packets: number;
}

function isTextSource(value: unknown): value is AsyncIterable<string> | Iterable<string> | string {
  if (typeof value === 'string') return true;
  if (value === null || typeof value !== 'object') return false;
  return Symbol.asyncIterator in value || Symbol.iterator in value;
}

/**
 * Sends each chunk of `source` at once as `SEND_STREAMTEXT` under one `ReqId` (1240/100399),
 * split at `LIMITS.STREAM_TEXT_BYTES` of UTF-8 where needed, `Seq` from 1, then an empty
 * `IsFinal` packet. A source that throws or a signal that aborts still ends the sequence
 * (while the channel is open), and the error is rethrown. @internal
 */
export async function streamText(
  context: SenderContext,
  source: AsyncIterable<string> | Iterable<string>,
  options: StreamTextOptions,
): Promise<StreamTextResult> {
  if (!isTextSource(source)) {
    throw new TypeError('streamText: source must be an iterable or async iterable of strings');
  }
  const chunks = typeof source === 'string' ? [source] : source;
  context.assertUsable();
  const reqId = newRequestId();
  const { signal } = options;
  let seq = 0;
  const send = (text: string, isFinal: boolean) => {
    seq += 1;
    context.send(
      streamTextFrame({
        sessionId: context.sessionId,
        reqId,
        text,
        seq,
        isFinal,
        ...(options.isSentence !== undefined ? { isSentence: options.isSentence } : {}),
        ...(options.isInsertSentence !== undefined
          ? { isInsertSentence: options.isInsertSentence }
          : {}),
        ...(options.smartActionEnabled !== undefined
          ? { smartActionEnabled: options.smartActionEnabled }
          : {}),
        ...(seq === 1 && options.interrupt ? { interrupt: true } : {}),
      }),
    );
  };
  try {
    for await (const chunk of chunks) {
      signal?.throwIfAborted();
      if (typeof chunk !== 'string') {
        throw new TypeError('streamText: every chunk must be a string');
      }
      for (const piece of splitUtf8(chunk, LIMITS.STREAM_TEXT_BYTES)) send(piece, false);
    }
    signal?.throwIfAborted();
  } catch (error) {
    if (seq > 0 && !context.isClosed()) send('', true);
    throw error;
  }
  if (seq === 0) throw new TypeError('streamText: the source yielded no text');
  send('', true);
  return { ...context.handle(reqId), packets: seq };
}
