/**
 * The environment of everything release:verify runs: no inherited npm/pnpm registry or auth
 * settings (the copy must publish only where it is told), no telemetry, and a git identity for
 * the copy's commits and `changeset publish`'s tags (CI has no git config).
 */
export const baseEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(npm|pnpm)_config_/i.test(key)),
);
baseEnv.TURBO_TELEMETRY_DISABLED = '1';
baseEnv.DO_NOT_TRACK = '1';
for (const role of ['AUTHOR', 'COMMITTER']) {
  baseEnv[`GIT_${role}_NAME`] = 'release-verify';
  baseEnv[`GIT_${role}_EMAIL`] = 'release-verify@localhost';
}
