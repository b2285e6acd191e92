// Every README code block and every file of examples/, in a fresh npm project that installed
// the packed packages: type-checked strictly with the repository's TypeScript, then run as
// written against the mock gateway (fragments are type-checked only, and listed with their
// reasons).
import { join } from 'node:path';
import { REPO_ROOT } from '@tvs/release-check/src/workspace.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSUMER, prepareConsumer } from '../src/consumer.mjs';
import { writeExamples } from '../src/examples.mjs';
import { execute } from '../src/execute.mjs';
import { credentialsFor, startGateway } from '../src/gateway.mjs';
import { scenarioOf } from '../src/scenarios.mjs';
import { typecheck } from '../src/typecheck.mjs';

const examples = writeExamples(REPO_ROOT, CONSUMER).map((example, i) => ({
  ...example,
  credentials: credentialsFor(i + 1),
}));
let diagnostics: Map<string, Array<{ line: number; text: string }>>;
let shared: Awaited<ReturnType<typeof startGateway>>;

beforeAll(async () => {
  const started = performance.now();
  const { installMs } = await prepareConsumer();
  const checked = performance.now();
  diagnostics = typecheck(
    join(CONSUMER, 'tsconfig.json'),
    new Map(examples.map((e) => [e.file, { fragment: e.fragment }])),
  );
  shared = await startGateway(examples.map((e) => e.credentials));
  const ms = (t: number) => `${(t / 1000).toFixed(1)} s`;
  console.log(
    `consumer: packed and installed in ${ms(checked - started)} (npm ${ms(installMs)}); type-checked in ${ms(performance.now() - checked)}`,
  );
});
afterAll(() => shared?.close());

it('lists the fragments, each with its reason', () => {
  const fragments = examples.filter((e) => e.fragment !== undefined);
  const run = examples.filter((e) => e.fragment === undefined);
  console.log(
    [
      `${run.length} examples run (${run.filter((e) => e.source.endsWith('.md')).length} README blocks, ${run.filter((e) => !e.source.endsWith('.md')).length} files of examples/); ${fragments.length} fragments, type-checked only:`,
      ...fragments.map((e) => `  ${e.where}: ${e.fragment}`),
    ].join('\n'),
  );
  for (const e of fragments) expect(e.fragment, e.where).toMatch(/\w{3,}/);
});

describe.each(examples)('$where ($id)', (example) => {
  it('type-checks under strict nodenext', () => {
    const found = diagnostics.get(example.file) ?? [];
    const lines = found.map(
      ({ line, text }) => `${example.source}:${example.firstLine + line - 1}: ${text}`,
    );
    expect(lines).toEqual([]);
  });

  it('names the file its run line runs', () => {
    if (example.runLineFile) expect(example.file.endsWith(`/${example.runLineFile}`)).toBe(true);
  });

  it.runIf(example.fragment === undefined).concurrent(
    'runs as written against the mock gateway',
    async () => {
      await execute(example, {
        credentials: example.credentials,
        shared,
        scenario: scenarioOf(example.id),
      });
    },
  );
});
