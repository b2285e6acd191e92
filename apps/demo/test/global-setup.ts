import { existsSync } from 'node:fs';

/** The tests run the built CLI, as a user would: it must exist. */
export default function setup(): void {
  if (!existsSync(new URL('../dist/cli.js', import.meta.url))) {
    throw new Error(
      'apps/demo/dist/cli.js is missing: run `pnpm --filter @tvs/demo... build` first.',
    );
  }
}
