import { describe, expect, it } from 'vitest';
import { secretsEqual } from './constant-time.js';

describe('secretsEqual', () => {
  it('is true only for identical strings', async () => {
    expect(await secretsEqual('token-abc', 'token-abc')).toBe(true);
    expect(await secretsEqual('token-abd', 'token-abc')).toBe(false);
    expect(await secretsEqual('token-ab', 'token-abc')).toBe(false);
    expect(await secretsEqual('token-abcd', 'token-abc')).toBe(false);
    expect(await secretsEqual('', 'token-abc')).toBe(false);
    expect(await secretsEqual('字', '字')).toBe(true);
  });
});
