// The protocol is defined once, in @tvs/envelope: every gateway code, status number and limit
// elsewhere must be one of its names (API_CODES, FAIL_CODES, SESSION_STATUS, DOWNLINK_TYPE,
// LIVE_ROOM_STATUS, LIMITS), never a bare number. Tests are left alone: they pin the documented
// values on purpose.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  apiErrorTable,
  DOWNLINK_TYPE,
  failCodeTable,
  LIMITS,
  LIVE_ROOM_STATUS,
  SESSION_STATUS,
} from '@tvs/envelope';
import { describe, expect, it } from 'vitest';
import { findLiterals, literalRules } from '../src/find-literals.mjs';

const ROOT = new URL('../../../', import.meta.url).pathname;
// apps/edge-signer imports @tvs/signer alone, by design: its 1 MiB default stays its own.
const CHECKED = [
  'packages/client/src',
  'packages/mock-gateway/src',
  'packages/batch/src',
  'apps/demo/src',
  'apps/common/src',
  'apps/web/src',
  'apps/web/server',
];

const rules = literalRules({
  codes: [...apiErrorTable, ...failCodeTable].map((row) => row.code).filter((code) => code !== 0),
  statuses: {
    SessionStatus: Object.values(SESSION_STATUS),
    sessionStatus: Object.values(SESSION_STATUS),
    status: Object.values(SESSION_STATUS),
    Type: Object.values(DOWNLINK_TYPE),
    Status: Object.values(LIVE_ROOM_STATUS),
  },
  limits: [LIMITS.REQUEST_BODY_BYTES],
});

function sources(dir: string): string[] {
  return (readdirSync(join(ROOT, dir), { recursive: true }) as string[])
    .filter((file) => /\.(ts|mts|mjs|js)$/.test(file) && !/\.test(-d)?\.ts$/.test(file))
    .map((file) => join(ROOT, dir, file));
}

describe('no protocol literal outside @tvs/envelope', () => {
  it.each(CHECKED)('%s', (dir) => {
    const files = sources(dir);
    expect(files.length).toBeGreaterThan(0);
    const found = files.flatMap((file) =>
      findLiterals(file, readFileSync(file, 'utf8'), rules).map(
        (hit) => `${relative(ROOT, file)}:${hit.line} ${hit.text} (${hit.why})`,
      ),
    );
    expect(found).toEqual([]);
  });
});

describe('the literal finder', () => {
  const find = (text: string) => findLiterals('x.ts', text, rules).map((hit) => hit.why);

  it('finds codes, negative ones too, in any position', () => {
    expect(find('if (error.code === 100005) retry();')).toEqual(['gateway code 100005']);
    expect(find('throw new Refusal(-101000, "x");')).toEqual(['gateway code -101000']);
    expect(find('const codes = { notFound: 110018 };')).toEqual(['gateway code 110018']);
    expect(find('fail({ FailCode: 801008 });')).toEqual(['gateway code 801008']);
    expect(find('if (error.code === 100000) retry();')).toEqual(['gateway code 100000']);
  });

  it('finds status and type numbers compared with, assigned to or switched on their field', () => {
    expect(find('if (state.SessionStatus === 1) go();')).toEqual(['SessionStatus 1']);
    expect(find('session.status = 2;')).toEqual(['status 2']);
    expect(find('emit({ Type: 9, SpeakStatus: "Error" });')).toEqual(['Type 9']);
    expect(find('switch (room.Status) { case 6: break; }')).toEqual(['Status 6']);
    expect(find('if (3 !== message.Type) skip();')).toEqual(['Type 3']);
  });

  it('finds the 1 MiB limit written out', () => {
    expect(find('const MAX = 1024 * 1024;')).toEqual(['the 1 MiB request limit']);
    expect(find('const MAX = 1048576;')).toEqual(['documented limit 1048576']);
  });

  it('leaves names, comments, other numbers and other fields alone', () => {
    const clean = [
      'if (state.SessionStatus === SESSION_STATUS.READY) go();',
      '// 110018 means the session does not exist (1240/100406)',
      '/** FailCode 801008: a download failed. */ const x = FAIL_CODES.FILE_DOWNLOAD_FAILED;',
      'if (response.status === 503 || attempt === 2) wait(1000);',
      'const chunk = { Seq: 1, IsFinal: false };',
      'setTimeout(done, 110);',
      'for (let guard = 0; guard < 100_000; guard++) step();',
    ];
    for (const text of clean) expect(find(text), text).toEqual([]);
  });
});
