// Face detection as 1240/109990 (facedetect) and 1240/109991 (getfacedetectstate) show it, over
// a real socket.
import { API_CODES, decodeOperationResponse, operations } from '@tvs/envelope';
import type { ListeningGateway, MockGateway } from '@tvs/mock-gateway';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listeningGateway } from './loopback.js';
import { post, signedUrl } from './sign.js';

let gateway: MockGateway;
let server: ListeningGateway;
beforeEach(async () => {
  ({ gateway, server } = await listeningGateway({ seed: 7 }));
});
afterEach(() => server.close());

const DETECT = operations['faces.detect'].path;
const STATE = operations['faces.detectState'].path;
const PHOTO = 'https://cos.example.com/customer-pipeline/704/photo/48922.png';
const call = async (path: string, payload: object) =>
  (await post(signedUrl(server.url, path), payload)).json;
const state = async (TaskId: string) => (await call(STATE, { TaskId })).Payload;

describe('face detection (1240/109990, 109991)', () => {
  it("answers the page's example: the caller's RequestId is the TaskId", async () => {
    // The request example of 1240/109990, verbatim but for the host of the photo.
    const made = await call(DETECT, {
      RequestId: '569ae497-f266-4565-93bd-93aaf822524e',
      ImageUrl: PHOTO,
      CheckerVersion: 2,
    });
    expect(made.Header.Code).toBe(0);
    expect(made.Payload).toEqual({ TaskId: '569ae497-f266-4565-93bd-93aaf822524e' });
    expect(decodeOperationResponse(operations['faces.detect'], made.Payload)).toEqual(made.Payload);
  });

  it('goes WAITING → PROCESSING → SUCCESS on the gateway clock, with one face', async () => {
    const { TaskId } = (await call(DETECT, { ImageUrl: PHOTO })).Payload;
    expect(TaskId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(await state(TaskId)).toEqual({ TaskId, TaskState: 'WAITING', ErrorCode: 0 });
    await gateway.clock.advance(1000);
    expect(await state(TaskId)).toEqual({ TaskId, TaskState: 'PROCESSING', ErrorCode: 0 });
    await gateway.clock.advance(2000);
    const done = await state(TaskId);
    expect(done).toMatchObject({ TaskId, TaskState: 'SUCCESS', ErrorCode: 0, IsPassDetect: true });
    expect(done.Faces).toHaveLength(1);
    // CheckerVersion 1 (the default): the box and the angle only.
    expect(Object.keys(done.Faces[0]).sort()).toEqual(['Box', 'Rotation']);
    expect(Object.keys(done.Faces[0].Box).sort()).toEqual(['Height', 'Left', 'Top', 'Width']);
    for (const value of Object.values(done.Faces[0].Box))
      expect(Number.isInteger(value)).toBe(true);
    // The same photo is placed the same way every time.
    expect(await state(TaskId)).toEqual(done);
  });

  it('adds the version 2 fields: occlusion, pose and the suggested crops', async () => {
    const { TaskId } = (await call(DETECT, { ImageUrl: PHOTO, CheckerVersion: 2 })).Payload;
    await gateway.clock.advance(3000);
    const [face] = (await state(TaskId)).Faces;
    expect(Object.keys(face).sort()).toEqual(
      [
        'AreaRatio',
        'Box',
        'FaceRadio',
        'FeatureRadio',
        'MaxCrop',
        'MinCrop',
        'Pitch',
        'Rotation',
        'Score',
        'Yaw',
      ].sort(),
    );
    for (const ratio of [face.AreaRatio, face.FaceRadio, face.FeatureRadio, face.Score]) {
      expect(ratio).toBeGreaterThanOrEqual(0);
      expect(ratio).toBeLessThanOrEqual(1);
    }
    for (const angle of [face.Yaw, face.Pitch]) expect(Math.abs(angle)).toBeLessThanOrEqual(90);
    expect(face.MaxCrop.Width).toBeGreaterThan(face.MinCrop.Width);
    expect(face.MinCrop.Width).toBeGreaterThan(face.Box.Width);
  });

  it('finds no face in a photo named noface, and fails to download from a .invalid host', async () => {
    const none = (await call(DETECT, { ImageUrl: 'https://cos.example.com/noface.png' })).Payload;
    const lost = (await call(DETECT, { ImageUrl: 'https://photos.invalid/a.png' })).Payload;
    await gateway.clock.advance(3000);
    expect(await state(none.TaskId)).toMatchObject({
      TaskState: 'SUCCESS',
      IsPassDetect: false,
      Faces: [],
    });
    const failed = await state(lost.TaskId);
    expect(failed).toMatchObject({
      TaskState: 'FAILED',
      ErrorCode: API_CODES.IMAGE_DOWNLOAD_FAILED,
    });
    expect(failed.ErrorMsg).toMatch(/photos\.invalid/);
    expect(failed).not.toHaveProperty('Faces');
  });

  it('refuses what the pages do not allow, and keeps tasks per appkey', async () => {
    const refused = async (payload: object) => (await call(DETECT, payload)).Header;
    expect(await refused({})).toMatchObject({ Code: 100001 });
    expect((await refused({})).Message).toMatch(/Payload\.ImageUrl/);
    expect(await refused({ ImageUrl: 'ftp://x/a.png' })).toMatchObject({ Code: 100002 });
    expect(await refused({ ImageUrl: PHOTO, CheckerVersion: 3 })).toMatchObject({ Code: 100002 });
    expect(await refused({ ImageUrl: PHOTO, RequestId: '' })).toMatchObject({ Code: 100002 });
    await call(DETECT, { ImageUrl: PHOTO, RequestId: 'twice' });
    expect(await refused({ ImageUrl: PHOTO, RequestId: 'twice' })).toMatchObject({
      Code: API_CODES.RECORD_EXISTS,
    });
    expect((await call(STATE, { TaskId: 'nope' })).Header).toMatchObject({
      Code: API_CODES.RECORD_NOT_FOUND,
    });
    expect((await call(STATE, {})).Header).toMatchObject({ Code: 100001 });
    expect(gateway.calls.filter((c) => c.path === DETECT)).toHaveLength(7);
  });
});
