import { textFrame } from '@tvs/envelope';
import type { DriveHandle } from './drive-registry.js';
import type { Pacer } from './pacer.js';
import type { SenderContext } from './sender.js';

/**
 * Options of {@link CommandChannel.sendText}.
 * @example
 * ```ts
 * await channel.sendText('Read exactly this.', { chatCommand: 'NotUseChat' });
 * ```
 */
export interface SendTextOptions {
  /**
   * `Interrupt` (1240/100397). The newest page says a text always cuts off what the avatar is
   * saying and the flag only matters without text (see `interrupt()`); the older English page
   * (1211/62113) calls it a forced interrupt that overrides a platform setting marking the
   * current text as not interruptible. Sent as given either way.
   */
  interrupt?: boolean | undefined;
  /** Dialogue control, such as `NotUseChat` to speak the text as is. */
  chatCommand?: string | undefined;
  /** `ChatRoundId`: the dialogue round, for projects on Tencent's agent platform (a UUID is advised). */
  chatRoundId?: string | undefined;
  /** `CloudAiVisitorBizId`: the agent platform's visitor id, at most 64 characters. */
  cloudAiVisitorBizId?: string | undefined;
  /** `VideoSeiInfo`: JSON text carried in the video stream's SEI while this text is spoken (2D avatars). */
  videoSeiInfo?: string | undefined;
  /** `SmartActionEnabled`: generate gestures for text without action tags (default `false`). */
  smartActionEnabled?: boolean | undefined;
  /** The `ReqId` (32 hex); generated when left out. */
  reqId?: string | undefined;
}

/**
 * Options of {@link CommandChannel.interrupt}.
 * @example
 * ```ts
 * await channel.interrupt({ reqId: newRequestId() });
 * ```
 */
export interface InterruptOptions {
  /** The frame's `ReqId` (32 hex); generated when left out. */
  reqId?: string | undefined;
}

/**
 * An interrupt that has been sent.
 * @example
 * ```ts
 * const { reqId } = await channel.interrupt();
 * console.log('interrupt sent as', reqId);
 * ```
 */
export interface InterruptResult {
  /**
   * The interrupt frame's own `ReqId`. The gateway reports the interruption on the drive it
   * cut off (its `TextOver`), not under this id.
   */
  readonly reqId: string;
}

/**
 * The `SEND_TEXT` frame of `text` with the options' documented fields (1240/100397), checked by
 * the envelope's `textFrame`. The channel and the HTTP drive (1240/100404) send the same frame.
 * @internal
 */
export function sendTextFrame(sessionId: string, text: string, options: SendTextOptions) {
  const { reqId, interrupt, chatCommand, chatRoundId, cloudAiVisitorBizId, videoSeiInfo } = options;
  return textFrame({
    sessionId,
    text,
    reqId,
    interrupt,
    chatCommand,
    chatRoundId,
    cloudAiVisitorBizId,
    videoSeiInfo,
    smartActionEnabled: options.smartActionEnabled,
  });
}

/**
 * Sends one `SEND_TEXT` frame through the pacer: frames leave in call order, more than a
 * second apart. Checks the text before queueing, so bad input throws at once. @internal
 */
export async function sendText(
  context: SenderContext,
  pacer: Pacer,
  text: string,
  options: SendTextOptions,
): Promise<DriveHandle> {
  const frame = sendTextFrame(context.sessionId, text, options);
  context.assertUsable();
  await pacer.run(() => context.send(frame));
  return context.handle(frame.Payload.ReqId);
}

/**
 * Sends the documented interrupt: `SEND_TEXT` with `Interrupt: true` and no `Text`
 * (1240/100397). It is a text frame, so it takes its turn in the same pacer. @internal
 */
export async function sendInterrupt(
  context: SenderContext,
  pacer: Pacer,
  options: InterruptOptions,
): Promise<InterruptResult> {
  const frame = textFrame({
    sessionId: context.sessionId,
    interrupt: true,
    ...(options.reqId !== undefined ? { reqId: options.reqId } : {}),
  });
  context.assertUsable();
  await pacer.run(() => context.send(frame));
  return { reqId: frame.Payload.ReqId };
}
