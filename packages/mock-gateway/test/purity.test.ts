import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The fetch handler must run in any runtime: only the Node adapter (src/node/: listen, the
// command channel's WebSocket server, the CLI) may use Node.
const srcDir = new URL('../src/', import.meta.url).pathname;
const sources = readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter(
  (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
);
const portable = sources
  .filter((f) => f !== 'node.ts' && !f.startsWith('node/'))
  .map(
    (f) =>
      [
        f,
        readFileSync(join(srcDir, f), 'utf8')
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/^\s*\/\/.*$/gm, ''),
      ] as const,
  );

describe('the fetch handler stays portable', () => {
  it('has sources to check', () => expect(portable.length).toBeGreaterThan(10));
  it.each([
    ['a node: import', /from ['"]node:/],
    ['Buffer', /\bBuffer\b/],
    ['process', /\bprocess\./],
    ['require', /\brequire\(/],
    ['@tvs/client', /from ['"]@tvs\/client/],
  ])('uses no %s', (_what, pattern) => {
    for (const [file, text] of portable)
      expect(`${file}: ${pattern.test(text)}`).toBe(`${file}: false`);
  });
  it('ships the embedded media that assets/ holds', () => {
    const embedded = readFileSync(join(srcDir, 'media/media-files.ts'), 'utf8');
    for (const name of ['sample.mp4', 'sample.webm', 'sample.mov', 'sample.mp3', 'sample.jpg']) {
      const base64 = readFileSync(new URL(`../assets/${name}`, import.meta.url)).toString('base64');
      expect(embedded.includes(base64), name).toBe(true);
    }
  });
});

describe('the sources stay small', () => {
  it('has no source file over 400 lines (the generated media aside)', () => {
    const long = sources
      .filter((f) => f !== 'media/media-files.ts')
      .map((f) => [f, readFileSync(join(srcDir, f), 'utf8').split('\n').length] as const)
      .filter(([, lines]) => lines > 400);
    expect(long).toEqual([]);
  });

  it('has the Node adapter in src/node/', () => {
    expect(sources.filter((f) => f.startsWith('node/')).length).toBeGreaterThan(3);
  });
});
