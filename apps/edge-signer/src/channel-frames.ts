/**
 * The largest frame passed either way. The biggest real uplink frame is a `SEND_TEXT` of 4000
 * bytes of UTF-8 escaped as JSON (under 25 KiB); audio chunks are 5120 bytes, about 7 KiB as
 * Base64 (Tencent: 音频驱动指令, https://cloud.tencent.com/document/product/1240/100398). The
 * mock gateway accepts the same 256 KiB.
 */
export const MAX_FRAME_BYTES = 256 * 1024;

/** Why a frame ends the channel: the WebSocket close code and reason the caller gets. */
export interface FrameRefusal {
  readonly code: number;
  readonly reason: string;
}

const CLOSE = {
  /** RFC 6455 §7.4.1: a data type the endpoint cannot accept. */
  unsupportedData: 1003,
  /** Data inconsistent with the message's type (here: text that is not JSON). */
  invalidPayload: 1007,
  /** A message that violates the endpoint's policy. */
  policyViolation: 1008,
  /** A message too big to process. */
  tooBig: 1009,
} as const;

/** Whether a message is bigger than {@link MAX_FRAME_BYTES}: UTF-8 bytes of text, or bytes. */
export function isTooLarge(data: unknown): boolean {
  if (typeof data === 'string') {
    // A UTF-16 unit is 1–3 bytes of UTF-8: count exactly only when the bounds disagree.
    if (data.length > MAX_FRAME_BYTES) return true;
    if (data.length * 3 <= MAX_FRAME_BYTES) return false;
    return new TextEncoder().encode(data).byteLength > MAX_FRAME_BYTES;
  }
  if (data instanceof ArrayBuffer) return data.byteLength > MAX_FRAME_BYTES;
  if (ArrayBuffer.isView(data)) return data.byteLength > MAX_FRAME_BYTES;
  return false;
}

/**
 * Checks a frame from the caller before it goes to the gateway. Every uplink command
 * (`SEND_TEXT`, `SEND_STREAMTEXT`, `SEND_AUDIO`, `SEND_HEARTBEAT`) is a JSON text frame whose
 * `Payload.SessionId` is required (Tencent, cloud.tencent.com/document/product/1240/: 100397
 * SEND_TEXT, 100399 SEND_STREAMTEXT, 100398 SEND_AUDIO, 100400 SEND_HEARTBEAT), and
 * the connection was opened for one session: a frame naming another is refused, as are binary
 * frames, text that is not JSON and frames over {@link MAX_FRAME_BYTES}.
 * @returns undefined when the frame may pass.
 */
export function checkUplink(data: unknown, sessionId: string): FrameRefusal | undefined {
  if (typeof data !== 'string') {
    return { code: CLOSE.unsupportedData, reason: 'frames are JSON text, not binary' };
  }
  if (isTooLarge(data)) {
    return { code: CLOSE.tooBig, reason: `frame larger than ${MAX_FRAME_BYTES} bytes` };
  }
  let frame: unknown;
  try {
    frame = JSON.parse(data);
  } catch {
    return { code: CLOSE.invalidPayload, reason: 'frame is not JSON' };
  }
  const payload = (frame as { Payload?: unknown } | null)?.Payload;
  const frameSession = (payload as { SessionId?: unknown } | null | undefined)?.SessionId;
  if (typeof frameSession !== 'string') {
    return { code: CLOSE.policyViolation, reason: 'frame without Payload.SessionId' };
  }
  if (frameSession !== sessionId) {
    return {
      code: CLOSE.policyViolation,
      reason: 'frame for another session: Payload.SessionId must be the session of this channel',
    };
  }
  return undefined;
}

/** Checks a frame from the gateway before it goes to the caller: only its size. */
export function checkDownlink(data: unknown): FrameRefusal | undefined {
  return isTooLarge(data)
    ? { code: CLOSE.tooBig, reason: `gateway frame larger than ${MAX_FRAME_BYTES} bytes` }
    : undefined;
}

/**
 * The close code to pass on for one received: the same code when an endpoint may send it
 * (1000–1003, 1007–1014, 3000–4999, so the gateway's 4000 idle / 4001 session ended / 4002
 * replaced reach the caller), nothing for 1005 (no code was sent, so none is passed), and
 * `fallback` for codes only a runtime reports (1006 abnormal closure, 1015 TLS failure).
 */
export function passableCode(code: number, fallback: number): number | undefined {
  if (code === 1005) return undefined;
  const sendable =
    code === 1000 ||
    (code >= 1001 && code <= 1003) ||
    (code >= 1007 && code <= 1014) ||
    (code >= 3000 && code <= 4999);
  return sendable ? code : fallback;
}

/** A close reason cut to the 123 bytes of UTF-8 a close frame holds, on a character boundary. */
export function closeReason(reason: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(reason).byteLength <= 123) return reason;
  let cut = '';
  for (const character of reason) {
    if (encoder.encode(cut + character).byteLength > 123) break;
    cut += character;
  }
  return cut;
}
