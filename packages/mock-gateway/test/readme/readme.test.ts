// The README's first example is this folder's renders-a-video.test.ts, word for word: it runs in
// this suite, so the README's example runs as written.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

it('shows the example that runs in renders-a-video.test.ts', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const example = readFileSync(new URL('./renders-a-video.test.ts', import.meta.url), 'utf8');
  const first = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(first).toBe(example);
});
