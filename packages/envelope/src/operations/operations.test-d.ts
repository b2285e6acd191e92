import { describe, expectTypeOf, it } from 'vitest';
import type { SessionStatus } from '../codes/session-status.js';
import type { JsonObject } from '../envelope-types.js';
import { decodeOperationResponse } from './check-fields.js';
import {
  type OperationName,
  type OperationRequest,
  type OperationResponse,
  operations,
} from './index.js';
import type { Operation, RequestOf, ResponseOf, TaskCreated } from './operation.js';
import type { SessionStat } from './sessions.js';
import type { VideoMakeRequest, VideoProgress, VideoTaskStatus } from './video-types.js';

describe('operation types', () => {
  it('names every operation as a literal union', () => {
    expectTypeOf<'video.make'>().toExtend<OperationName>();
    expectTypeOf<'liveRooms.takeover'>().toExtend<OperationName>();
    expectTypeOf<'video.unknown'>().not.toExtend<OperationName>();
  });

  it('gives each operation its request and response types', () => {
    expectTypeOf<OperationRequest<'video.make'>>().toEqualTypeOf<VideoMakeRequest>();
    expectTypeOf<OperationResponse<'video.make'>>().toEqualTypeOf<TaskCreated>();
    expectTypeOf<OperationResponse<'video.progress'>>().toEqualTypeOf<VideoProgress>();
    expectTypeOf<RequestOf<(typeof operations)['sessions.stat']>>().toHaveProperty('SessionId');
    expectTypeOf<ResponseOf<(typeof operations)['sessions.stat']>>().toEqualTypeOf<SessionStat>();
    expectTypeOf(operations['video.make']).toExtend<Operation<VideoMakeRequest, TaskCreated>>();
  });

  it('requires the documented fields and rejects wrong types', () => {
    expectTypeOf<{
      VirtualmanKey: string;
      SpeechParam: { Speed: number };
    }>().toExtend<OperationRequest<'video.make'>>();
    // 1211/62087 marks SpeechParam and SpeechParam.Speed required.
    expectTypeOf<{ VirtualmanKey: string }>().not.toExtend<OperationRequest<'video.make'>>();
    expectTypeOf<{ InputSsml: string }>().not.toExtend<OperationRequest<'video.make'>>();
    // 1211/62102 marks DriverType required.
    expectTypeOf<{
      ReqId: string;
      UserId: string;
      Protocol: 'webrtc';
      VirtualmanProjectId: string;
    }>().not.toExtend<OperationRequest<'sessions.create'>>();
    expectTypeOf<{ TaskId: number }>().not.toExtend<OperationRequest<'video.progress'>>();
    expectTypeOf<{
      ReqId: string;
      SessionId: string;
      Command: 'SEND_TEXT';
      Data: { Text: string };
    }>().toExtend<OperationRequest<'drive.command'>>();
    expectTypeOf<{
      ReqId: string;
      SessionId: string;
      Command: 'SEND_AUDIO';
      Data: { Text: string };
    }>().not.toExtend<OperationRequest<'drive.command'>>();
  });

  it('types the enumerations Tencent extends as open unions that suggest the known values', () => {
    expectTypeOf<VideoProgress['Status']>().toEqualTypeOf<VideoTaskStatus | undefined>();
    expectTypeOf<'COMMIT'>().toExtend<VideoTaskStatus>();
    expectTypeOf<'PAUSED'>().toExtend<VideoTaskStatus>();
    expectTypeOf<42>().not.toExtend<VideoTaskStatus>();
    type Format = NonNullable<OperationRequest<'video.make'>['VideoParam']>['Format'];
    expectTypeOf<'TransparentWebm'>().toExtend<Format>();
    expectTypeOf<'Mp4'>().toExtend<Format>();
    expectTypeOf<'Hevc'>().toExtend<Format>();
    expectTypeOf<
      OperationResponse<'sessions.stat'>['SessionStatus']
    >().toEqualTypeOf<SessionStatus>();
    expectTypeOf<'webrtc'>().toExtend<OperationRequest<'sessions.create'>['Protocol']>();
    expectTypeOf<'quic'>().toExtend<OperationRequest<'sessions.create'>['Protocol']>();
    expectTypeOf<OperationRequest<'cloning.confirm'>['Operate']>().toEqualTypeOf<
      'AGREE' | 'REJECT'
    >();
  });

  it('always exposes TaskId as a string', () => {
    expectTypeOf<OperationResponse<'video.tts'>['TaskId']>().toEqualTypeOf<string>();
    expectTypeOf<OperationResponse<'cloning.make'>['TaskId']>().toEqualTypeOf<string>();
  });

  it('types the decoded response from the operation', () => {
    const progress = decodeOperationResponse(operations['video.progress'], {} as JsonObject);
    expectTypeOf(progress).toEqualTypeOf<VideoProgress>();
    expectTypeOf(progress.Status).toEqualTypeOf<VideoTaskStatus | undefined>();
    const created = decodeOperationResponse(operations['sessions.create'], {});
    expectTypeOf(created.SessionId).toEqualTypeOf<string>();
  });

  it('keeps the phantom types out of run-time data', () => {
    expectTypeOf(operations['video.make'].path).toEqualTypeOf<string>();
    expectTypeOf(operations['video.make'].types).toEqualTypeOf<
      { readonly request: VideoMakeRequest; readonly response: TaskCreated } | undefined
    >();
  });
});
