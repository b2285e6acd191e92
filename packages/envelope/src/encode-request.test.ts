import { describe, expect, it } from 'vitest';
import { encodeRequest } from './encode-request.js';
import { isRequestId } from './request-id.js';

describe('encodeRequest', () => {
  it('builds exactly { Header: { RequestID }, Payload } with the given id', () => {
    const payload = { TaskId: 'abc' };
    const envelope = encodeRequest(payload, { requestId: 'my-request-1' });
    expect(envelope).toStrictEqual({ Header: { RequestID: 'my-request-1' }, Payload: payload });
    expect(JSON.stringify(envelope)).toBe(
      '{"Header":{"RequestID":"my-request-1"},"Payload":{"TaskId":"abc"}}',
    );
  });

  it('makes a fresh 32-hex RequestID when none is given', () => {
    const a = encodeRequest({});
    const b = encodeRequest({}, {});
    expect(isRequestId(a.Header.RequestID)).toBe(true);
    expect(isRequestId(b.Header.RequestID)).toBe(true);
    expect(a.Header.RequestID).not.toBe(b.Header.RequestID);
    expect(Object.keys(a)).toEqual(['Header', 'Payload']);
    expect(Object.keys(a.Header)).toEqual(['RequestID']);
  });

  it.each([
    [null, /payload must be an object, got null/],
    [[1], /payload must be an object, got an array/],
    ['x', /payload must be an object, got a string/],
    [undefined, /payload must be an object, got nothing/],
  ])('refuses a payload that is not an object (%#)', (payload, message) => {
    expect(() => encodeRequest(payload as never)).toThrow(TypeError);
    expect(() => encodeRequest(payload as never)).toThrow(message);
  });

  it.each([
    ['', /requestId must be a non-empty string, got an empty string/],
    [42, /requestId must be a non-empty string, got a number/],
  ])('refuses a bad requestId (%#)', (requestId, message) => {
    expect(() => encodeRequest({}, { requestId: requestId as never })).toThrow(TypeError);
    expect(() => encodeRequest({}, { requestId: requestId as never })).toThrow(message);
  });
});
