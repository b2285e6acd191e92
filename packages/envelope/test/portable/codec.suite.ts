// Portable: runs under vitest and, bundled, in every runtime of tooling/runtime-matrix.
// Only chai and the package's public entry; no Node APIs.
import {
  audioFrame,
  decodeDownlinkMessage,
  decodeLiveRoomCallback,
  decodeOperationResponse,
  decodeResponse,
  encodeRequest,
  newRequestId,
  operations,
  TvsApiError,
  TvsEnvelopeError,
  textFrame,
} from '@tvs/envelope';
import { decodeRequest } from '@tvs/envelope/server';
import { expect } from 'chai';

const cases: Array<{ name: string; run: () => void | Promise<void> }> = [];
const success =
  '{"Header":{"Code":0,"Message":"","RequestID":"r1","SessionID":"s1"},"Payload":{"TaskId":"t1"}}';

/** The error `run` throws; fails when it throws nothing. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, got none');
}

cases.push(
  {
    name: 'encodeRequest builds the request envelope with a 32-hex RequestID',
    run() {
      const envelope = encodeRequest({ TaskId: 't1' });
      expect(Object.keys(envelope)).to.deep.equal(['Header', 'Payload']);
      expect(envelope.Header.RequestID).to.match(/^[0-9a-f]{32}$/);
      expect(envelope.Payload).to.deep.equal({ TaskId: 't1' });
      expect(newRequestId()).to.not.equal(newRequestId());
    },
  },
  {
    name: 'decodeResponse reads text, bytes and parsed values alike',
    run() {
      const bytes = new TextEncoder().encode(success);
      for (const body of [success, bytes, bytes.buffer, JSON.parse(success)]) {
        const { Header, Payload } = decodeResponse(body);
        expect(Header).to.deep.equal({ Code: 0, Message: '', RequestID: 'r1', SessionID: 's1' });
        expect(Payload).to.deep.equal({ TaskId: 't1' });
      }
    },
  },
  {
    name: 'a non-zero Code becomes a classified TvsApiError',
    run() {
      const body =
        '{"Header":{"Code":-101001,"Message":"InternalError.NoResource:无可用资源","RequestID":"r2"}}';
      const error = thrown(() => decodeResponse(body)) as TvsApiError;
      expect(error).to.be.instanceOf(TvsApiError);
      expect(error.code).to.equal(-101001);
      expect(error.category).to.equal('capacity');
      expect(error.safeToResend).to.equal(true);
      expect(error.retryable).to.equal(true);
      expect(error.errorClass).to.equal('InternalError.NoResource');
      expect(error.requestId).to.equal('r2');
      expect(JSON.parse(JSON.stringify(error)).name).to.equal('TvsApiError');
    },
  },
  {
    name: 'bodies that are not envelopes become TvsEnvelopeErrors with short messages',
    run() {
      const bodies = ['<html>502</html>', '', '[]', '{"Header":{"Code":"0"}}', 'x'.repeat(100_000)];
      for (const body of bodies) {
        const error = thrown(() => decodeResponse(body)) as TvsEnvelopeError;
        expect(error).to.be.instanceOf(TvsEnvelopeError);
        expect(new TextEncoder().encode(error.message).byteLength).to.be.lessThan(1024);
      }
      const utf8 = thrown(() => decodeResponse(new Uint8Array([0x7b, 0xff]))) as TvsEnvelopeError;
      expect(utf8.code).to.equal('not-utf8');
      const deep = thrown(() => decodeResponse('['.repeat(100_000))) as TvsEnvelopeError;
      expect(deep.code).to.equal('too-deep');
    },
  },
  {
    name: 'decoding never pollutes prototypes',
    run() {
      const hostile =
        '{"Header":{"Code":0,"Message":"","RequestID":"r"},"Payload":{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"A":1}}';
      const { Payload } = decodeResponse(hostile);
      expect(Payload).to.deep.equal({ A: 1 });
      expect(Object.getPrototypeOf(Payload)).to.equal(Object.prototype);
      expect((Object.assign({}, Payload) as { polluted?: unknown }).polluted).to.equal(undefined);
      expect(({} as { polluted?: unknown }).polluted).to.equal(undefined);
    },
  },
  {
    name: 'decodeRequest reads what encodeRequest builds',
    run() {
      const sent = encodeRequest({ A: [1, 'b'] }, { requestId: 'q1' });
      expect(decodeRequest(JSON.stringify(sent))).to.deep.equal(sent);
    },
  },
  {
    name: 'decodeOperationResponse turns a numeric TaskId into a string and names missing fields',
    run() {
      const out = decodeOperationResponse(operations['video.make'], { TaskId: 42 });
      expect(out.TaskId).to.equal('42');
      const error = thrown(() =>
        decodeOperationResponse(operations['sessions.create'], {}),
      ) as TvsEnvelopeError;
      expect(error.code).to.equal('missing-field');
      expect(error.path).to.equal('Payload.SessionId');
    },
  },
  {
    name: 'command-channel frames and downlink messages',
    run() {
      const frame = textFrame({ sessionId: 's1', text: '你好', reqId: '0'.repeat(32) });
      expect(JSON.stringify(frame)).to.equal(
        `{"Header":{},"Payload":{"ReqId":"${'0'.repeat(32)}","SessionId":"s1","Command":"SEND_TEXT","Data":{"Text":"你好"}}}`,
      );
      const audio = audioFrame({
        sessionId: 's1',
        reqId: '1'.repeat(32),
        audio: new Uint8Array([0, 1, 2, 253, 254, 255, 7]),
        seq: 1,
        isFinal: false,
      });
      expect(audio.Payload.Data.Audio).to.equal('AAEC/f7/Bw==');
      const message = decodeDownlinkMessage(
        '{"Header":{},"Payload":{"Type":3,"Seq":1,"New":true}}',
      );
      expect(message).to.deep.equal({ Type: 3, Seq: 1, New: true, Header: {} });
    },
  },
  {
    name: 'live-room callbacks have their MsgData parsed',
    run() {
      const body = JSON.stringify({ ReqId: 'r', MsgType: 'Status', MsgData: '{"Status":2}' });
      expect(decodeLiveRoomCallback(body)).to.deep.equal({
        ReqId: 'r',
        MsgType: 'Status',
        MsgData: { Status: 2 },
      });
    },
  },
);

/** The envelope's portable suite: codecs, errors and frames through the public API. */
export default { name: '@tvs/envelope codecs', cases };
