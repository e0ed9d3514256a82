// Loads the CommonJS bundle of the CLI through vm.Script, with V8's code cache when there is one.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import vm from 'node:vm';

export function compileBundle(bundlePath, require, cachedData) {
  const source = readFileSync(bundlePath, 'utf8');
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: bundlePath, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require, module, bundlePath, dirname(bundlePath));
  return { script, exports: module.exports };
}
