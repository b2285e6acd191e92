// The README says what the package is: its install line first, a runnable example, and a Public
// API section naming exactly what src/index.ts exports.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const index = readFileSync(new URL('../src/index.ts', import.meta.url), 'utf8');

/** The names of src/index.ts's `export { … } from` and `export type { … } from` lists. */
const exported = [...index.matchAll(/export (?:type )?\{([^}]*)\}/g)]
  .flatMap((m) => m[1]!.split(','))
  .map((name) => name.replace(/^\s*type\s+/, '').trim())
  .filter(Boolean)
  .sort();

describe('README', () => {
  it('starts with its install line, then an example', () => {
    expect(readme.startsWith('# @tvs/batch\n\n```sh\nnpm install @tvs/batch ')).toBe(true);
    // A first line may say what the example is and how to run it.
    expect(readme).toMatch(/```ts\n(?:\/\/ [^\n]*\n)?import \{ runBatch \} from '@tvs\/batch';/);
  });

  it('lists exactly the exported names in its Public API section', () => {
    const section = readme.slice(readme.indexOf('## Public API'), readme.indexOf('Events ('));
    const listed = new Set([...section.matchAll(/`([A-Za-z_$][\w$]*)[`(]/g)].map((m) => m[1]!));
    expect(exported.length).toBeGreaterThan(50);
    expect(
      // Lower-case names not exported are options and methods, said in passing.
      [...listed].filter((name) => !exported.includes(name) && !/^[a-z]/.test(name)),
      'listed but not exported',
    ).toEqual([]);
    expect(
      exported.filter((name) => !listed.has(name)),
      'exported but not listed',
    ).toEqual([]);
  });
});
