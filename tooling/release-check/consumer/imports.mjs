// Run in the consumer project by each Node under test: every entry point of every installed
// @tvs/* package through ESM `import` and through CommonJS `require`, which must each land on
// their own build (.js / .cjs) and expose the same named exports. Prints one line per entry.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const names = Object.keys(manifest.dependencies).filter((name) => name.startsWith('@tvs/'));
if (names.length === 0) throw new Error('no @tvs/* dependency in the consumer');
const node = process.versions.node;

for (const name of names) {
  const pkg = require(`${name}/package.json`);
  const entries = Object.keys(pkg.exports).filter((key) => !key.endsWith('package.json'));
  for (const entry of entries) {
    const spec = entry === '.' ? name : `${name}/${entry.slice(2)}`;
    const esmFile = import.meta.resolve(spec);
    const cjsFile = require.resolve(spec);
    if (!esmFile.endsWith('.js')) throw new Error(`${spec}: import resolved to ${esmFile}`);
    if (!cjsFile.endsWith('.cjs')) throw new Error(`${spec}: require resolved to ${cjsFile}`);
    const esm = await import(spec);
    const cjs = require(spec);
    const esmKeys = Object.keys(esm)
      .filter((key) => key !== 'default' && key !== 'module.exports')
      .sort();
    const cjsKeys = Object.keys(cjs).sort();
    if (esmKeys.length === 0) throw new Error(`${spec}: no named exports`);
    if (esmKeys.join() !== cjsKeys.join()) {
      throw new Error(`${spec}: ESM exports [${esmKeys}] differ from CJS exports [${cjsKeys}]`);
    }
    const fns = esmKeys.filter((key) => typeof esm[key] === 'function');
    if (fns.some((key) => typeof cjs[key] !== 'function')) {
      throw new Error(`${spec}: a function export is not a function under require`);
    }
    console.log(`node ${node} ${spec}@${pkg.version}: import + require, ${esmKeys.length} exports`);
  }
}
