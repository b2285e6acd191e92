/**
 * The `Type` of a command-channel downlink message, by name (Tencent's page 1240/100401):
 * `3` a speaking status (`SpeakStatus`), `4` content from the large language model, `5` the
 * model's thinking, `9` a drive that failed (`Code`, `Message`).
 *
 * @example
 * ```ts
 * import { DOWNLINK_TYPE, decodeDownlinkMessage } from '@tvs/envelope';
 * const message = decodeDownlinkMessage(event.data);
 * if (message.Type === DOWNLINK_TYPE.DRIVE_FAILED) console.warn(message.Code, message.Message);
 * ```
 */
export const DOWNLINK_TYPE = {
  STATUS: 3,
  LLM_CONTENT: 4,
  LLM_THINKING: 5,
  DRIVE_FAILED: 9,
} as const;

/** A downlink message's `Type`: a value of {@link DOWNLINK_TYPE}, or one a newer gateway adds. */
export type DownlinkType = (typeof DOWNLINK_TYPE)[keyof typeof DOWNLINK_TYPE] | (number & {});
