import { describe, expect, it } from 'vitest';
import { splitGatewayMessage } from './split-message.js';

describe('splitGatewayMessage', () => {
  it.each([
    ['InternalError.DataNotExist:记录不存在', 'InternalError.DataNotExist', '记录不存在'],
    ['InvalidParameter:TaskId: empty', 'InvalidParameter', 'TaskId: empty'],
    ['AuthFailure.SignatureExpire : 签名过期', 'AuthFailure.SignatureExpire', '签名过期'],
    ['ResourceNotFound：资源不存在', 'ResourceNotFound', '资源不存在'],
    ['记录不存在', undefined, '记录不存在'],
    ['', undefined, ''],
    ['no class here: just text', undefined, 'no class here: just text'],
    ['.Bad:x', undefined, '.Bad:x'],
  ])('%j', (message, errorClass, text) => {
    expect(splitGatewayMessage(message)).toEqual({ errorClass, text });
  });
});
