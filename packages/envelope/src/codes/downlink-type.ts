/**
 * The `Type` of a command-channel downlink message, by name (Tencent's page 1240/100401):
 * `3` a speaking status (`SpeakStatus`), `4` content from the large language model, `5` the
 * model's thinking, `9` a drive that failed (no page names its fields; the gateway's `Code` and
 * `Message` are kept unchecked). The field table also mentions a Type `2` (the question and
 * the text spoken) that the Type row does not list; it is left unnamed here.
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
