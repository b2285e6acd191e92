import { describe, expect, it } from 'vitest';
import { isLoopbackRegistry } from '../src/registry-guard.mjs';

describe('isLoopbackRegistry', () => {
  it('accepts only http://127.0.0.1 at the given port', () => {
    expect(isLoopbackRegistry('http://127.0.0.1:4873/', 4873)).toBe(true);
    expect(isLoopbackRegistry(' http://127.0.0.1:4873 \n', 4873)).toBe(true);
  });

  it.each([
    ['another port', 'http://127.0.0.1:4874/'],
    ['no port', 'http://127.0.0.1/'],
    ['https', 'https://127.0.0.1:4873/'],
    ['localhost by name', 'http://localhost:4873/'],
    ['a host that starts like loopback', 'http://127.0.0.1.example.com:4873/'],
    ['a remote host', 'https://example.com/'],
    ['credentials in the URL', 'http://user:pw@127.0.0.1:4873/'],
    ['nothing', ''],
    ['undefined as printed', 'undefined'],
  ])('refuses %s', (_, value) => {
    expect(isLoopbackRegistry(value, 4873)).toBe(false);
  });
});
