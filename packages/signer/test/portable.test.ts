import { describe, expect, it } from 'vitest';
import fixture from './fixtures/signature-vectors.json' with { type: 'json' };
import suite from './portable/signature.suite.js';

describe(suite.name, () => {
  it('has official vectors to check', () => {
    expect(fixture.vectors.filter((v) => v.kind === 'official').length).toBeGreaterThanOrEqual(2);
  });
  for (const c of suite.cases) it(c.name, c.run);
});
