import { describe, expect, it } from 'vitest';
import { TvsEnvelopeError } from '../errors/tvs-envelope-error.js';
import { decodeOperationResponse, validateOperationRequest } from './check-fields.js';
import { operationByPath, operations } from './index.js';
import type { Operation } from './operation.js';

/** Every endpoint of docs/protocol.md §4 (and the face detection), written out independently. */
const endpoints = [
  'videomaker/broadcastservice/videomake',
  'videomaker/broadcastservice/videomakeadvanced',
  'videomaker/broadcastservice/videomakenotrain',
  'videomaker/broadcastservice/phototovideonotrain',
  'videomaker/broadcastservice/tts',
  'videomaker/broadcastservice/getprogress',
  'mediaproduction/mediaproduction/videomakewithppt',
  'mediaproduction/mediaproduction/getprogress',
  'sessionmanager/sessionmanagerservice/createsession',
  'sessionmanager/sessionmanagerservice/createsessionbyasset',
  'sessionmanager/sessionmanagerservice/statsession',
  'sessionmanager/sessionmanagerservice/startsession',
  'sessionmanager/sessionmanagerservice/closesession',
  'sessionmanager/sessionmanagerservice/listsessionofuin',
  'sessionmanager/sessionmanagerservice/listsessionofprojectid',
  'sessionmanager/sessionmanagerservice/listsessionofassetvk',
  'interactdriver/interactdriverservice/command',
  'crmserver/customerassetservice/describetimbre',
  'crmserver/customerassetservice/describesmallsampleimage',
  'crmserver/customerassetservice/getanchor',
  'crmserver/customerassetservice/getimagebyanchor',
  'assetmanager/customservice/getuploadcredentials',
  'assetmanager/customservice/make',
  'assetmanager/customservice/getprogress',
  'assetmanager/customservice/customerconfirm',
  'facedetectserver/facedetectservice/facedetect',
  'facedetectserver/facedetectservice/getfacedetectstate',
  'liveroom/liveroomservice/openliveroom',
  'liveroom/liveroomservice/getliveroom',
  'liveroom/liveroomservice/listliveroomofappkey',
  'liveroom/liveroomservice/takeover',
  'liveroom/liveroomservice/closeliveroom',
].map((path) => `/v2/ivh/${path}`);

const all = Object.entries(operations) as Array<[string, Operation<object, object>]>;
const fieldTypes = ['string', 'number', 'boolean', 'object', 'array'];

describe('the operation table', () => {
  it('has one entry per endpoint, no more, no fewer', () => {
    expect(all.map(([, op]) => op.path).sort()).toEqual([...endpoints].sort());
  });

  it.each(all)('%s: key and name agree, name is product.action, types are simple', (key, op) => {
    expect(op.name).toBe(key);
    expect(op.name).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/);
    expect(op.path).toMatch(/^\/v2\/ivh\/[a-z]+\/[a-z]+\/[a-z]+$/);
    expect(typeof op.idempotent).toBe('boolean');
    for (const type of [...Object.values(op.required), ...Object.values(op.returns)]) {
      expect(fieldTypes).toContain(type);
    }
    expect('types' in op).toBe(false);
  });

  it('marks reads idempotent and creates not', () => {
    const idempotent = all.filter(([, op]) => op.idempotent).map(([name]) => name);
    expect(idempotent.sort()).toEqual(
      [
        'assets.anchors',
        'assets.imagesByAnchor',
        'assets.smallSampleAvatars',
        'assets.timbres',
        'cloning.confirm',
        'cloning.progress',
        'cloning.uploadCredentials',
        'faces.detectState',
        'liveRooms.close',
        'liveRooms.get',
        'liveRooms.list',
        'sessions.close',
        'sessions.list',
        'sessions.listByAsset',
        'sessions.listByProject',
        'sessions.start',
        'sessions.stat',
        'video.pptProgress',
        'video.progress',
      ].sort(),
    );
  });

  it('relies on TaskId from every task-creating call', () => {
    for (const name of [
      'video.make',
      'video.makeAdvanced',
      'video.makeNoTrain',
      'video.photoToVideo',
      'video.tts',
      'video.makeWithPpt',
      'cloning.make',
      'faces.detect',
    ] as const) {
      expect(operations[name].returns).toEqual({ TaskId: 'string' });
    }
  });

  it('requires a ReqId on every session, drive and live-room call but list-free ones', () => {
    for (const [name, op] of all) {
      if (/^(sessions|drive|liveRooms)\./.test(name)) expect(op.required.ReqId).toBe('string');
    }
  });

  it('finds operations by path', () => {
    expect(operationByPath('/v2/ivh/videomaker/broadcastservice/getprogress')).toBe(
      operations['video.progress'],
    );
    expect(operationByPath('/v2/ivh/assetmanager/customservice/getprogress')).toBe(
      operations['cloning.progress'],
    );
    expect(operationByPath('/v2/ivh/nothing/here/at')).toBeUndefined();
  });
});

describe('validateOperationRequest', () => {
  const create = operations['sessions.create'];

  it('accepts a request with every required field', () => {
    const request = {
      ReqId: '9f1c2e7a0b3d4c5e8f60718293a4b5c6',
      VirtualmanProjectId: 'p',
      UserId: 'u',
      Protocol: 'webrtc',
      DriverType: 1,
    };
    expect(validateOperationRequest(create, request)).toEqual([]);
  });

  it('names every missing or mistyped field', () => {
    expect(validateOperationRequest(create, { ReqId: 1, UserId: null, Protocol: 'rtmp' })).toEqual([
      { field: 'ReqId', expected: 'string', got: 'a number' },
      { field: 'UserId', expected: 'string', got: 'null' },
      { field: 'DriverType', expected: 'number', got: 'nothing' },
      { field: 'VirtualmanProjectId', expected: 'string', got: 'nothing' },
    ]);
  });

  it('tells arrays from objects', () => {
    const open = operations['liveRooms.open'];
    const request = { ReqId: 'r', VideoStreamReq: [], CycleTimes: 1, Scripts: {} };
    expect(validateOperationRequest(open, request)).toEqual([
      { field: 'VideoStreamReq', expected: 'object', got: 'an array' },
      { field: 'VideoStreamReq.Protocol', expected: 'string', got: 'nothing' },
      { field: 'Scripts', expected: 'array', got: 'an object' },
    ]);
  });

  it('refuses a payload that is not an object', () => {
    expect(validateOperationRequest(create, [])).toEqual([
      { field: 'Payload', expected: 'object', got: 'an array' },
    ]);
  });

  it('ignores inherited properties', () => {
    const progress = operations['video.progress'];
    const inherited = Object.create({ TaskId: 't' });
    expect(validateOperationRequest(progress, inherited)).toHaveLength(1);
  });
});

describe('decodeOperationResponse', () => {
  const make = operations['video.make'];

  it('returns the payload with the relied-on fields checked', () => {
    const payload = { TaskId: 't1', Extra: true };
    const out = decodeOperationResponse(make, payload);
    expect(out).toEqual(payload);
    expect(out).not.toBe(payload);
  });

  it('turns a numeric TaskId into a string', () => {
    expect(decodeOperationResponse(make, { TaskId: 1234567890123 }).TaskId).toBe('1234567890123');
    expect(decodeOperationResponse(operations['cloning.make'], { TaskId: 7 }).TaskId).toBe('7');
  });

  it('does not turn a fractional or unsafe number into an id', () => {
    expect(() => decodeOperationResponse(make, { TaskId: 1.5 })).toThrow(/must be a string/);
    expect(() => decodeOperationResponse(make, { TaskId: 2 ** 60 })).toThrow(/must be a string/);
  });

  it('reads an absent or null list as []', () => {
    const list = operations['sessions.list'];
    expect(decodeOperationResponse(list, {}).Sessions).toEqual([]);
    expect(decodeOperationResponse(list, { Sessions: null }).Sessions).toEqual([]);
  });

  it.each([
    [{}, 'missing-field', 'video.make response lacks Payload.TaskId, which the SDK relies on'],
    [
      { TaskId: null },
      'missing-field',
      'video.make response lacks Payload.TaskId, which the SDK relies on',
    ],
    [
      { TaskId: {} },
      'wrong-type',
      'video.make response Payload.TaskId must be a string, got an object',
    ],
  ])('names the missing or mistyped field (%j)', (payload, code, message) => {
    try {
      decodeOperationResponse(make, payload, { requestId: 'r5' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TvsEnvelopeError);
      expect(error).toMatchObject({ code, message, path: 'Payload.TaskId', requestId: 'r5' });
    }
  });

  it('checks types of numbers and lists too', () => {
    expect(() =>
      decodeOperationResponse(operations['sessions.stat'], { SessionStatus: '1' }),
    ).toThrow('sessions.stat response Payload.SessionStatus must be a number, got a string');
    expect(() => decodeOperationResponse(operations['sessions.list'], { Sessions: {} })).toThrow(
      'Payload.Sessions must be an array, got an object',
    );
  });

  it('refuses a payload that is not an object', () => {
    expect(() => decodeOperationResponse(make, 'x')).toThrow(TvsEnvelopeError);
  });
});
