import type {
  HeartbeatData,
  SendAudioData,
  SendStreamTextData,
  SendTextData,
  UplinkCommand,
} from '../command-channel/uplink-types.js';
import { isBase64 } from '../internal/base64.js';
import { type DecodeContext, envelopeError } from '../internal/envelope-error.js';
import { isRecord, jsonType } from '../internal/is-record.js';
import { parseBody } from '../internal/parse-body.js';
import { isRequestId } from '../request-id.js';

/** An uplink frame as {@link decodeUplinkFrame} returns it: its `Payload`, typed by `Command`. */
export type DecodedUplinkFrame =
  | DecodedUplink<'SEND_TEXT', SendTextData>
  | DecodedUplink<'SEND_STREAMTEXT', SendStreamTextData>
  | DecodedUplink<'SEND_AUDIO', SendAudioData>
  | DecodedUplink<'SEND_HEARTBEAT', HeartbeatData>;

/** One command's payload: the frame's `ReqId`, `SessionId`, `Command` and `Data`. */
export interface DecodedUplink<C extends UplinkCommand, D> {
  ReqId: string;
  SessionId: string;
  Command: C;
  Data: D;
}

type JsonKind = 'string' | 'number' | 'boolean';

/** The documented `Data` fields of each command, with their JSON types and whether required. */
const DATA_FIELDS: Record<UplinkCommand, Record<string, [JsonKind, boolean]>> = {
  SEND_TEXT: {
    Text: ['string', false],
    Interrupt: ['boolean', false],
    ChatCommand: ['string', false],
    ChatRoundId: ['string', false],
    CloudAiVisitorBizId: ['string', false],
    VideoSeiInfo: ['string', false],
    SmartActionEnabled: ['boolean', false],
  },
  SEND_STREAMTEXT: {
    Text: ['string', true],
    Seq: ['number', true],
    IsFinal: ['boolean', false],
    Interrupt: ['boolean', false],
    IsSentence: ['boolean', false],
    IsInsertSentence: ['boolean', false],
    SmartActionEnabled: ['boolean', false],
  },
  SEND_AUDIO: {
    Audio: ['string', true],
    Seq: ['number', true],
    IsFinal: ['boolean', false],
    VideoSeiInfo: ['string', false],
  },
  SEND_HEARTBEAT: { Text: ['string', true] },
};

const UPLINK: DecodeContext = { what: 'uplink frame' };

/**
 * Decodes a command-channel uplink frame (text, bytes or parsed) as a gateway receives it
 * (1240/100397–100400): `{ Header?, Payload: { ReqId, SessionId, Command, Data } }` with a
 * 32-hex `ReqId`, a known `Command`, and `Data` holding that command's documented fields with
 * their types (`Seq` an integer from 1, `Audio` Base64). Unknown `Data` fields are kept.
 * A `SEND_STREAMTEXT` interrupt (`Interrupt: true`) may leave `Text` out or `null`, and it then
 * reads as `""`: the page asks for only `Seq` and `Interrupt` there (1240/100399: 在 Data 中只需要
 * 填充 Seq 以及 Interrupt 的数据,其他字段置空处理即可).
 * Limits and pacing are the server's to check (see {@link @tvs/envelope!index.LIMITS | LIMITS}).
 *
 * @throws TvsEnvelopeError (`not-an-envelope`, `bad-payload`, `missing-field`, `wrong-type`),
 *   with `path` naming the field, such as `Payload.Data.Seq`.
 * @example
 * ```ts
 * import { decodeUplinkFrame } from '@tvs/envelope/server';
 * const frame = decodeUplinkFrame(message);
 * if (frame.Command === 'SEND_TEXT') speak(frame.Data.Text ?? '', frame.Data.Interrupt === true);
 * ```
 */
export function decodeUplinkFrame(data: unknown): DecodedUplinkFrame {
  const value = parseBody(data, UPLINK);
  if (!isRecord(value) || !isRecord(value.Payload)) {
    const found = isRecord(value) ? 'an object without a Payload object' : jsonType(value);
    throw envelopeError(UPLINK, 'not-an-envelope', `must be { Header, Payload }, got ${found}`);
  }
  const payload = value.Payload;
  if (!isRequestId(payload.ReqId)) {
    throw wrong('Payload.ReqId', '32 hex characters (a UUID without dashes)', payload.ReqId);
  }
  if (typeof payload.SessionId !== 'string' || payload.SessionId === '') {
    throw wrong('Payload.SessionId', 'a non-empty string', payload.SessionId);
  }
  const command = payload.Command;
  if (typeof command !== 'string' || !Object.hasOwn(DATA_FIELDS, command)) {
    throw wrong(
      'Payload.Command',
      'one of SEND_TEXT, SEND_STREAMTEXT, SEND_AUDIO, SEND_HEARTBEAT',
      command,
    );
  }
  const given = payload.Data;
  if (!isRecord(given)) throw wrong('Payload.Data', 'an object', given);
  const fields =
    command === 'SEND_STREAMTEXT' && given.Interrupt === true && given.Text == null
      ? { ...given, Text: '' }
      : given;
  for (const [name, [type, required]] of Object.entries(DATA_FIELDS[command as UplinkCommand])) {
    const field = fields[name];
    if (field === undefined && !required) continue;
    if (typeof field !== type) throw wrong(`Payload.Data.${name}`, `a ${type}`, field);
  }
  if ('Seq' in fields && !(Number.isSafeInteger(fields.Seq) && (fields.Seq as number) >= 1)) {
    throw wrong('Payload.Data.Seq', 'an integer from 1', fields.Seq);
  }
  if (command === 'SEND_AUDIO' && !isBase64(fields.Audio as string)) {
    throw wrong('Payload.Data.Audio', 'Base64', fields.Audio);
  }
  return {
    ReqId: payload.ReqId,
    SessionId: payload.SessionId,
    Command: command,
    Data: fields,
  } as DecodedUplinkFrame;
}

function wrong(path: string, expected: string, got: unknown) {
  const code = got === undefined || got === null ? 'missing-field' : 'wrong-type';
  return envelopeError(UPLINK, code, `${path} must be ${expected}, got ${jsonType(got)}`, { path });
}
