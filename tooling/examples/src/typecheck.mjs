// One strict TypeScript program over every example written into the consumer project, with the
// repository's TypeScript: the packages' types are the packed ones npm installed there.
// A fragment may use names it does not define and modules the consumer does not have (it is a
// piece of something larger); every other diagnostic counts for it too.
import ts from 'typescript';

/** "Cannot find name" (and its variants), "Cannot find module": what a fragment may leave open. */
const OPEN_IN_FRAGMENTS = new Set([2304, 2552, 2307, 2580, 2591, 18004]);

/**
 * @param {string} tsconfig the consumer's tsconfig.json
 * @param {Map<string, { fragment?: string }>} files absolute path → what it is
 * @returns {Map<string, Array<{ line: number, text: string }>>} absolute path → its diagnostics
 *   (`line` 1-based in that file, 0 when the diagnostic has no position)
 */
export function typecheck(tsconfig, files) {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    tsconfig,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`cannot read ${tsconfig}`);
  const program = ts.createProgram({ rootNames: [...files.keys()], options: parsed.options });
  /** @type {Map<string, Array<{ line: number, text: string }>>} */
  const result = new Map([...files.keys()].map((file) => [file, []]));
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file?.fileName;
    const entry = file && files.get(file);
    if (!file || !entry) {
      // A problem outside the examples (the configuration, a package's types) fails them all.
      for (const list of result.values()) list.push(format(diagnostic));
      continue;
    }
    if (entry.fragment !== undefined && OPEN_IN_FRAGMENTS.has(diagnostic.code)) continue;
    result.get(file)?.push(format(diagnostic));
  }
  return result;
}

function format(diagnostic) {
  const text = `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  if (!diagnostic.file || diagnostic.start === undefined) return { line: 0, text };
  const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return { line: line + 1, text };
}
