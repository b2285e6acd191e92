import { describe, expect, it } from 'vitest';
import { requestUrl } from './request-url.js';

const ORIGIN = 'http://127.0.0.1:8787';

describe('requestUrl', () => {
  it.each([
    ['/v2/ivh/x?a=1', `${ORIGIN}/v2/ivh/x?a=1`],
    ['http://attacker.example:81/v2/ivh/x?a=1', `${ORIGIN}/v2/ivh/x?a=1`],
    ['https://attacker.example/media/tasks/t/video.mp4', `${ORIGIN}/media/tasks/t/video.mp4`],
    ['//attacker.example/v2/ivh/x', `${ORIGIN}//attacker.example/v2/ivh/x`],
    ['/\\attacker.example/x', `${ORIGIN}//attacker.example/x`],
    ['/@attacker.example/x', `${ORIGIN}/@attacker.example/x`],
  ])('%s is a path of the listening address', (target, url) => {
    expect(requestUrl(target, ORIGIN)).toBe(url);
    expect(new URL(requestUrl(target, ORIGIN)!).origin).toBe(ORIGIN);
  });

  it.each(['*', 'attacker.example:443', 'ftp://attacker.example/x', 'http://[', ''])(
    'refuses %j',
    (target) => {
      expect(requestUrl(target, ORIGIN)).toBeUndefined();
    },
  );
});
