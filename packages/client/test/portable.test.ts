import { describe, it } from 'vitest';
import suite from './portable/smoke.suite.js';

describe(suite.name, () => {
  for (const c of suite.cases) it(c.name, c.run);
});
