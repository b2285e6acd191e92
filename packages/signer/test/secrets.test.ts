import { inspect } from 'node:util';
import { createSigner, signString, signUrl, verifySignedUrl } from '@tvs/signer';
import { describe, expect, it } from 'vitest';

const TOKEN = 'tok-SECRET-4c0ffee';

function leaks(value: unknown): boolean {
  const views = [
    String(value),
    JSON.stringify(value) ?? '',
    inspect(value, { showHidden: true, depth: 8, getters: true }),
  ];
  return views.some((text) => text.includes(TOKEN));
}

describe('the access token is unreachable by inspection', () => {
  it('is not in the signer, its output or its string forms', () => {
    const signer = createSigner({ appkey: 'app', accessToken: TOKEN });
    expect(leaks(signer)).toBe(false);
    expect(leaks(signer.sign())).toBe(false);
    expect(leaks(signer.signUrl('https://h/p?x=1'))).toBe(false);
    expect(leaks(signUrl('https://h/p', { appkey: 'app', accessToken: TOKEN }))).toBe(false);
  });

  it('is not in any error message or stack', () => {
    const attempts: Array<() => unknown> = [
      () => createSigner({ appkey: '', accessToken: TOKEN }),
      () => createSigner({ appkey: 'a', accessToken: TOKEN }, { now: () => Number.NaN }).sign(),
      () => createSigner({ appkey: 'a', accessToken: TOKEN }).signUrl('not a url'),
      () => createSigner({ appkey: 'a', accessToken: TOKEN }).sign({ signature: TOKEN }),
      () => signString(5 as never, TOKEN),
      () => verifySignedUrl('/p', 5 as never),
      () => createSigner({ appkey: 'a', accessToken: `${TOKEN}\ud800` }),
      () => signString('a=1', `${TOKEN}\udc00`),
    ];
    for (const attempt of attempts) {
      let error: unknown;
      try {
        attempt();
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(TypeError);
      expect(leaks(error)).toBe(false);
      expect((error as Error).stack ?? '').not.toContain(TOKEN);
    }
  });
});
