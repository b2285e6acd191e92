import {
  API_CODES,
  isRequestId,
  LIMITS,
  SESSION_STATUS,
  type SessionDriverType,
} from '@tvs/envelope';
import { CODES, Refusal } from '../errors.js';
import type { CallContext, Handler, Services } from '../handlers/context.js';
import { inRange, oneOf, optional } from '../internal/validate.js';
import { statPayload, summary } from './payloads.js';
import type { SessionRecord } from './state.js';

const PROTOCOLS = ['rtmp', 'trtc', 'webrtc'] as const;
const DRIVER_TYPES = [1, 3] as const;
/** Create `ReqId`s remembered for the duplicate check (110005). */
const REMEMBERED_REQ_IDS = 2000;
/** Duplicate record: the same request repeated (docs/protocol.md §5). */
const DUPLICATE = API_CODES.RECORD_EXISTS;

/** `ReqId` must be 32 hex characters, no dashes (docs/protocol.md §4). @internal */
export function checkReqId(payload: Record<string, unknown>): string {
  const reqId = payload['ReqId'];
  if (!isRequestId(reqId)) {
    throw new Refusal(
      CODES.badValue,
      'InvalidParameterValue.ReqId',
      'Payload.ReqId must be 32 hex characters, no dashes',
    );
  }
  return reqId;
}

function blocked(text: string, services: Services): boolean {
  const lower = text.toLowerCase();
  return services.blockedWords.some((word) => word && lower.includes(word.toLowerCase()));
}

/** The content-review refusal (801005). @internal */
export function reviewText(text: string, services: Services): void {
  if (blocked(text, services)) {
    throw new Refusal(
      CODES.contentReview,
      'FailedOperation.ContentReview',
      'text failed content review',
    );
  }
}

/** The UTF-8 length check of drive text. @internal */
export function checkTextBytes(text: string, max: number, field: string, allowEmpty = false): void {
  if (!allowEmpty && text === '') {
    throw new Refusal(CODES.badValue, 'InvalidParameterValue.Text', `${field} must not be empty`);
  }
  const bytes = new TextEncoder().encode(text).byteLength;
  if (bytes > max) {
    throw new Refusal(
      CODES.badValue,
      'InvalidParameterValue.TextTooLong',
      `${field} is ${bytes} bytes of UTF-8, over the limit of ${max}`,
    );
  }
}

function createWith(key: 'VirtualmanProjectId' | 'AssetVirtualmanKey'): Handler {
  const recent = new Set<string>();
  return (payload, context, services) => {
    const reqId = checkReqId(payload);
    const userId = payload['UserId'] as string;
    if (userId === '' || userId.length > 128) {
      throw new Refusal(
        CODES.badValue,
        'InvalidParameterValue.UserId',
        'Payload.UserId must be 1–128 characters',
      );
    }
    const protocol = oneOf(payload, 'Protocol', PROTOCOLS)!;
    const driverType: SessionDriverType = oneOf(payload, 'DriverType', DRIVER_TYPES) ?? 1;
    inRange(payload, 'StreamMaxInterval', 2000, 6000);
    optional(payload, 'ProtocolOption', 'object');
    const id = payload[key] as string;
    if (key === 'AssetVirtualmanKey') {
      if (!services.avatarKeys.has(id)) {
        throw new Refusal(
          CODES.avatarNotFound,
          'ResourceNotFound.AssetVirtualmanKey',
          `AssetVirtualmanKey ${JSON.stringify(id.slice(0, 64))} is not an avatar of this account`,
        );
      }
      // Backgrounds and Foregrounds together: at most 5 layers (1240/106612, 1211/62103).
      const layers = ['Backgrounds', 'Foregrounds'].map(
        (field) => optional(payload, field, 'array')?.length ?? 0,
      );
      const total = layers[0]! + layers[1]!;
      if (total > 5) {
        throw new Refusal(
          CODES.badValue,
          'InvalidParameterValue.Layers',
          `Payload.Backgrounds and Payload.Foregrounds have ${total} layers together (${layers[0]} + ${layers[1]}), at most 5`,
        );
      }
    } else if (id === '') {
      throw new Refusal(
        CODES.badValue,
        'InvalidParameterValue.VirtualmanProjectId',
        'Payload.VirtualmanProjectId must not be empty',
      );
    }
    if (recent.has(`${context.appkey}\u0000${reqId}`)) {
      throw new Refusal(
        DUPLICATE,
        'FailedOperation.DuplicateRequest',
        `ReqId ${reqId} already created a session`,
      );
    }
    const session = services.sessions.create(
      {
        appkey: context.appkey,
        userId,
        protocol,
        driverType,
        ...(key === 'VirtualmanProjectId'
          ? { virtualmanProjectId: id }
          : { assetVirtualmanKey: id }),
        host: new URL(context.origin).host,
      },
      context.now,
    );
    recent.add(`${context.appkey}\u0000${reqId}`);
    if (recent.size > REMEMBERED_REQ_IDS) recent.delete(recent.values().next().value!);
    return {
      SessionId: session.sessionId,
      SessionStatus: session.status,
      PlayStreamAddr: session.playStreamAddr,
    };
  };
}

function one(
  act: (
    session: SessionRecord,
    context: CallContext,
    services: Services,
  ) => Record<string, unknown>,
): Handler {
  return (payload, context, services) => {
    const reqId = checkReqId(payload);
    const session = services.sessions.find(context.appkey, payload['SessionId'] as string);
    // The responses of statsession, startsession and closesession echo the ReqId
    // (1240/100389 返回参数; 1211/62105, 62106).
    return { ReqId: reqId, ...act(session, context, services) };
  };
}

function lister(filter?: 'VirtualmanProjectId' | 'AssetVirtualmanKey'): Handler {
  return (payload, context, services) => {
    const reqId = checkReqId(payload);
    services.sessions.settle();
    const wanted = filter && (payload[filter] as string);
    const rows = [...services.sessions.sessions.values()].filter(
      (s) =>
        s.appkey === context.appkey &&
        s.status !== SESSION_STATUS.CLOSED &&
        (filter === undefined ||
          (filter === 'VirtualmanProjectId' ? s.virtualmanProjectId : s.assetVirtualmanKey) ===
            wanted),
    );
    // The lists echo the ReqId too (1240/100393; 1211/62107–62109).
    return { ReqId: reqId, Sessions: rows.map(summary) };
  };
}

/**
 * `interactdriver/interactdriverservice/command` (1240/100404): `SEND_TEXT` over HTTP. `Text`
 * defaults to `""`; `{ Interrupt: true }` without text is the page's 强制打断 example and stops
 * the avatar (outside the one-per-second text pacing, as on the channel). Any other text must
 * come more than a second after the last one, and cuts off what the avatar is saying.
 */
const driveCommand: Handler = (payload, context, services) => {
  const reqId = checkReqId(payload);
  if (payload['Command'] !== 'SEND_TEXT') {
    throw new Refusal(
      CODES.badValue,
      'InvalidParameterValue.Command',
      `Payload.Command must be SEND_TEXT, got ${JSON.stringify(payload['Command'])?.slice(0, 40)}`,
    );
  }
  const data = payload['Data'] as Record<string, unknown>;
  const text = optional(data, 'Text', 'string', 'Payload.Data') ?? '';
  const interrupt = optional(data, 'Interrupt', 'boolean', 'Payload.Data') ?? false;
  const stop = text === '' && interrupt;
  if (!stop) checkTextBytes(text, LIMITS.TEXT_BYTES, 'Payload.Data.Text');
  const store = services.sessions;
  const session = store.find(context.appkey, payload['SessionId'] as string);
  store.requireRunning(session);
  if (stop) {
    store.interrupt(session, context.now);
    return {};
  }
  reviewText(text, services);
  // Like the channel's SEND_TEXT (1240/100397), the text cuts off what the avatar is saying:
  // 100404 describes Interrupt only as a forced interrupt that overrides 不可打断, so it changes
  // nothing for the mock, which models no uninterruptible text.
  store.speakText(session, { reqId, text, source: 'http' }, context.now);
  return {};
};

/** The session endpoints and the drive command, by path: one handler factory each (state per gateway). @internal */
export const sessionBehaviour: Readonly<Record<string, () => Handler>> = {
  createsession: () => createWith('VirtualmanProjectId'),
  createsessionbyasset: () => createWith('AssetVirtualmanKey'),
  statsession: () => one((session) => statPayload(session)),
  startsession: () =>
    one((session, context, services) => {
      services.sessions.start(session, context.now);
      return {};
    }),
  closesession: () =>
    one((session, context, services) => {
      services.sessions.close(session, context.now);
      return {};
    }),
  listsessionofuin: () => lister(),
  listsessionofprojectid: () => lister('VirtualmanProjectId'),
  listsessionofassetvk: () => lister('AssetVirtualmanKey'),
  command: () => driveCommand,
};
