import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const srcDir = new URL('../src/', import.meta.url).pathname;
const sources = readdirSync(srcDir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => [f, stripComments(readFileSync(join(srcDir, f), 'utf8'))] as const);

/** Code only: TSDoc examples legitimately mention other packages and runtimes. */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

describe('the signer stays portable', () => {
  it('has sources to check', () => expect(sources.length).toBeGreaterThan(5));
  it.each([
    ['a node: import', /from ['"]node:/],
    ['Buffer', /\bBuffer\b/],
    ['process', /\bprocess\./],
    ['require', /\brequire\(/],
    // The contract: no globals beyond TextEncoder, URL and crypto.getRandomValues.
    ['btoa or atob', /\b(btoa|atob)\(/],
    ['an import of another @tvs package', /from ['"]@tvs\//],
  ])('uses no %s', (_what, pattern) => {
    for (const [file, text] of sources)
      expect(`${file}: ${pattern.test(text)}`).toBe(`${file}: false`);
  });
});
