import { describe, it } from 'vitest';
import suite from './portable/codec.suite.js';

describe(suite.name, () => {
  for (const c of suite.cases) it(c.name, c.run);
});
