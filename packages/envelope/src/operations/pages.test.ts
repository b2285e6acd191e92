import { describe, expect, it } from 'vitest';
import { TvsEnvelopeError } from '../errors/tvs-envelope-error.js';
import { decodeTaskCallback } from '../task-callback.js';
import { decodeOperationResponse, validateOperationRequest } from './check-fields.js';
import { operations } from './index.js';
import type { Operation } from './operation.js';

const all = Object.values(operations) as Operation<object, object>[];
const missing = (name: keyof typeof operations, payload: object) =>
  validateOperationRequest(operations[name] as Operation<object, object>, payload).map(
    (p) => p.field,
  );

describe('every operation cites its pages', () => {
  it.each(all.map((op) => [op.name, op] as const))('%s', (_name, op) => {
    expect(op.doc.length).toBeGreaterThan(0);
    for (const page of op.doc) {
      expect(page).toMatch(
        /^https:\/\/(cloud\.tencent\.com\/document\/product\/1240|www\.tencentcloud\.com\/document\/product\/1211)\/\d+$/,
      );
    }
    // The newest page first: the Chinese one whenever there is one.
    if (op.doc.some((page) => page.includes('/1240/'))) expect(op.doc[0]).toContain('/1240/');
  });
});

describe('the defects of the summary, fixed from the pages', () => {
  it('liveRooms.list reads LiveRooms and Total, and no rooms means [] (1240/112143)', () => {
    const op = operations['liveRooms.list'];
    const page = { LiveRooms: [{ LiveRoomId: 'lm1', Status: 4 }], Total: 1, ReqId: 'r' };
    expect(decodeOperationResponse(op, page)).toEqual(page);
    expect(decodeOperationResponse(op, { Total: 0 }).LiveRooms).toEqual([]);
  });

  it('cloning.progress requires only Status: a finished task has no StageV2 (1240/96070)', () => {
    const op = operations['cloning.progress'];
    expect(decodeOperationResponse(op, { Status: 'SUCCESS' })).toEqual({ Status: 'SUCCESS' });
    expect(() => decodeOperationResponse(op, { StageV2: 'END' })).toThrow(TvsEnvelopeError);
  });

  it('ppt.progress and video.progress require no Status: the documented answers have none (1240/130021, 81270)', () => {
    const answer = {
      Progress: 100,
      MediaUrl: 'https://x/y.mp4',
      FailMessage: '',
      Duration: 11810,
      FailCode: 0,
    };
    expect(decodeOperationResponse(operations['video.pptProgress'], answer)).toEqual(answer);
    expect(decodeOperationResponse(operations['video.progress'], answer)).toEqual(answer);
  });

  it('requires DriverType to create a session, by project or by asset (1211/62102, 62103)', () => {
    const base = { ReqId: 'r', UserId: 'u', Protocol: 'webrtc' };
    expect(missing('sessions.create', { ...base, VirtualmanProjectId: 'p' })).toEqual([
      'DriverType',
    ]);
    expect(missing('sessions.createByAsset', { ...base, AssetVirtualmanKey: 'k' })).toEqual([
      'DriverType',
    ]);
  });

  it('requires DriverType for the no-training makers (1240/116222, 118475)', () => {
    expect(missing('video.makeNoTrain', { RefVideoUrl: 'u' })).toEqual(['DriverType']);
    expect(missing('video.photoToVideo', { RefPhotoUrl: 'u' })).toEqual(['DriverType']);
  });

  it('requires Speed for tts, SpeechParam and SpeechParam.Speed for videomake (1211/62086, 62087)', () => {
    expect(missing('video.tts', { InputSsml: 'x' })).toEqual(['Speed']);
    expect(missing('video.make', { VirtualmanKey: 'k' })).toEqual([
      'SpeechParam',
      'SpeechParam.Speed',
    ]);
    expect(missing('video.make', { VirtualmanKey: 'k', SpeechParam: {} })).toEqual([
      'SpeechParam.Speed',
    ]);
  });

  it("requires getanchor's VirtualmanTypeCode, PageIndex and PageSize (1240/99704)", () => {
    expect(missing('assets.anchors', {})).toEqual(['VirtualmanTypeCode', 'PageIndex', 'PageSize']);
  });

  it("requires the live room's CycleTimes (1240/112140)", () => {
    const open = {
      ReqId: 'r',
      VideoStreamReq: { Protocol: 'rtmp', VirtualmanProjectId: 'p' },
      Scripts: [{ Content: 'hi' }],
    };
    expect(missing('liveRooms.open', open)).toEqual(['CycleTimes']);
    expect(missing('liveRooms.open', { ...open, CycleTimes: 1 })).toEqual([]);
  });
});

describe('decodeTaskCallback (1240/81279, 1211/62096)', () => {
  it('keeps every field, unknown ones too, and reads a numeric TaskId as a string', () => {
    const body = { Payload: { TaskId: 42, Status: 'FAIL', FailMessage: 'x', Extra: [1] } };
    expect(decodeTaskCallback(JSON.stringify(body))).toEqual({
      TaskId: '42',
      Status: 'FAIL',
      FailMessage: 'x',
      Extra: [1],
    });
  });

  it.each([
    ['a body without Payload', { Header: {} }, 'not-an-envelope'],
    ['no TaskId', { Payload: { Status: 'SUCCESS' } }, 'missing-field'],
    ['a Status that is not a string', { Payload: { TaskId: 't', Status: 1 } }, 'wrong-type'],
    ['text that is not JSON', '<html>', 'not-json'],
  ])('refuses %s with a TvsEnvelopeError', (_what, body, code) => {
    expect(() => decodeTaskCallback(body)).toThrow(expect.objectContaining({ code }));
  });
});
