import { SimulatedNetworkError } from '../faults.js';

/** The part of a body a `cut-body` or `stall-body` fault delivers: the first half, at least a byte. */
function firstPart(bytes: Uint8Array): Uint8Array {
  return bytes.subarray(0, Math.max(1, Math.floor(bytes.length / 2)));
}

/**
 * A body that delivers its first half, then errors as a dropped connection does (`cut-body`):
 * a reader gets the part, then a `SimulatedNetworkError`. @internal
 */
export function cutBody(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent) {
        controller.error(new SimulatedNetworkError(true, 'cut-body'));
        return;
      }
      sent = true;
      controller.enqueue(firstPart(bytes));
    },
  });
}

/**
 * Settles only when `signal` aborts, rejecting with its reason as `fetch` does: a gateway that
 * never answers (`stall`). Holds nothing but a listener on the signal. @internal
 */
export function stalledAnswer(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/**
 * A body that delivers its first half, then nothing until `signal` aborts (`stall-body`); it
 * then errors with the signal's reason, as a body read by `fetch` does. @internal
 */
export function stalledBody(bytes: Uint8Array, signal: AbortSignal): ReadableStream<Uint8Array> {
  let onAbort: (() => void) | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(firstPart(bytes));
      if (signal.aborted) {
        controller.error(signal.reason);
        return;
      }
      onAbort = () => controller.error(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
    },
    cancel() {
      if (onAbort) signal.removeEventListener('abort', onAbort);
    },
  });
}
