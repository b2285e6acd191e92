// The files in examples/ run as written against the mock gateway (the built package, as a user
// would import it; Node strips their types).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPKEY, type Harness, startGateway, TOKEN } from './helpers.js';

const run = promisify(execFile);
let h: Harness;
beforeEach(async () => {
  h = await startGateway();
});
afterEach(async () => {
  await h.close();
});

describe('examples', () => {
  it('opentelemetry.ts prints one span per call, ok and error, with redacted URLs', async () => {
    const file = fileURLToPath(new URL('../examples/opentelemetry.ts', import.meta.url));
    const { stdout } = await run(process.execPath, [file], {
      env: {
        ...process.env,
        TVS_BASE_URL: h.server.url,
        TVS_APPKEY: APPKEY,
        TVS_ACCESS_TOKEN: TOKEN,
      },
    });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^tvs assets\.timbres ok /);
    expect(lines[1]).toMatch(
      /^tvs video\.progress error .*"tvs\.code":110006.*exception: TvsApiError/,
    );
    expect(stdout).toContain('signature=REDACTED');
    expect(stdout).not.toContain(TOKEN);
  });
});
